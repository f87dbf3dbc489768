import { loadPlatformConfig } from './platform-config';
import { assertPlatformRunsOn, EMBEDDED_STORES, loadStoresConfig } from './stores-config';

describe('store selection (EVENT_STORE, READ_STORE, BUS)', () => {
  it('keeps the embedded stores when nothing is configured', () => {
    expect(loadStoresConfig({})).toEqual(EMBEDDED_STORES);
    expect(loadStoresConfig({ EVENT_STORE: '', READ_STORE: ' ', BUS: '' })).toEqual(EMBEDDED_STORES);
    expect(loadPlatformConfig({}).stores).toEqual(EMBEDDED_STORES);
    // An address alone chooses nothing: the contract suites use MONGO_URL without moving the platform.
    expect(loadStoresConfig({ MONGO_URL: 'mongodb://db:27017', KAFKA_BROKERS: 'k:9092' })).toEqual(EMBEDDED_STORES);
  });

  it('runs the embedded store\'s group commits where EVENT_STORE_WRITER says, the writer thread unless told', () => {
    expect(loadStoresConfig({ EVENT_STORE_WRITER: 'auto' }).eventStore).toEqual({ kind: 'sqlite', writer: 'auto' });
    expect(loadStoresConfig({ EVENT_STORE_WRITER: 'inline' }).eventStore).toEqual({ kind: 'sqlite', writer: 'inline' });
    expect(loadStoresConfig({ EVENT_STORE_WRITER: 'thread' }).eventStore).toEqual({ kind: 'sqlite', writer: 'thread' });
    expect(() => loadStoresConfig({ EVENT_STORE_WRITER: 'fast' })).toThrow('EVENT_STORE_WRITER must be one of thread, auto, inline (default thread), got "fast"');
  });

  it('selects the servers with their addresses', () => {
    const stores = loadStoresConfig({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://kurrent:2113?tls=false',
      READ_STORE: 'mongodb',
      MONGO_URL: 'mongodb://mongo:27017',
      MONGO_DB: 'platform',
      BUS: 'kafka',
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9093',
    });
    expect(stores).toEqual({
      eventStore: { kind: 'kurrentdb', url: 'kurrentdb://kurrent:2113?tls=false' },
      readStore: { kind: 'mongodb', url: 'mongodb://mongo:27017', dbName: 'platform' },
      bus: { kind: 'kafka', brokers: ['kafka-1:9092', 'kafka-2:9093'], clientId: 'campaign-platform', topic: 'platform.integration-events' },
      sharedState: { kind: 'mongodb', url: 'mongodb://mongo:27017', dbName: 'platform' },
      blobStore: { kind: 'fs' },
      relayCheckpoints: { kind: 'sqlite' },
      idempotencyIndex: { kind: 'mongodb', url: 'mongodb://mongo:27017', dbName: 'platform' },
    });
  });

  it('names the missing variable and what it must hold', () => {
    expect(() => loadStoresConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(/^EVENT_STORE=kurrentdb needs KURRENTDB_URL: a KurrentDB connection string/);
    expect(() => loadStoresConfig({ READ_STORE: 'mongodb' })).toThrow(/^READ_STORE=mongodb needs MONGO_URL: a MongoDB connection string/);
    expect(() => loadStoresConfig({ BUS: 'kafka' })).toThrow(/^BUS=kafka needs KAFKA_BROKERS: comma-separated host:port brokers/);
    expect(() => loadPlatformConfig({ READ_STORE: 'mongodb' })).toThrow('MONGO_URL');
  });

  it('refuses unknown choices and malformed addresses, naming the variable', () => {
    expect(() => loadStoresConfig({ EVENT_STORE: 'postgres' })).toThrow('EVENT_STORE must be one of sqlite, kurrentdb (default sqlite), got "postgres"');
    expect(() => loadStoresConfig({ READ_STORE: 'mongo' })).toThrow('READ_STORE must be one of sqlite, mongodb');
    expect(() => loadStoresConfig({ BUS: 'rabbitmq' })).toThrow('BUS must be one of inprocess, kafka');
    expect(() => loadStoresConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'http://kurrent:2113' })).toThrow(/^KURRENTDB_URL must be a KurrentDB connection string/);
    expect(() => loadStoresConfig({ READ_STORE: 'mongodb', MONGO_URL: 'mongo:27017' })).toThrow(/^MONGO_URL must be a MongoDB connection string/);
    expect(() => loadStoresConfig({ BUS: 'kafka', KAFKA_BROKERS: 'kafka-1:9092,kafka-2' })).toThrow(/^KAFKA_BROKERS must be comma-separated host:port/);
    expect(() => loadStoresConfig({ BUS: 'kafka', KAFKA_BROKERS: 'k:99999' })).toThrow('KAFKA_BROKERS');
    expect(() => loadStoresConfig({ BUS: 'kafka', KAFKA_BROKERS: 'k:9092', KAFKA_TOPIC: 'events/all' })).toThrow('KAFKA_TOPIC');
  });

  it('lets the platform app start on KurrentDB with its idempotency keys in MongoDB, naming what is missing otherwise', () => {
    expect(() => assertPlatformRunsOn(EMBEDDED_STORES)).not.toThrow();
    expect(() => assertPlatformRunsOn({ ...EMBEDDED_STORES, readStore: { kind: 'mongodb', url: 'mongodb://m' } })).not.toThrow();
    const kurrent = loadStoresConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://k:2113?tls=false', MONGO_URL: 'mongodb://m:27017' });
    expect(kurrent.idempotencyIndex).toEqual({ kind: 'mongodb', url: 'mongodb://m:27017' });
    expect(() => assertPlatformRunsOn(kurrent)).not.toThrow();
    expect(() => assertPlatformRunsOn(kurrent, 'off')).not.toThrow();
    // The relay appends nothing: KurrentDB alone loads, and only the platform asks for the index.
    const alone = loadStoresConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://k:2113?tls=false' });
    expect(alone.idempotencyIndex).toEqual({ kind: 'event-store' });
    expect(() => assertPlatformRunsOn(alone)).toThrow(/^EVENT_STORE=kurrentdb needs MONGO_URL: a MongoDB connection string.*idempotency key/);
    expect(() => assertPlatformRunsOn(kurrent, 'worker')).toThrow(/^PROJECTIONS=worker needs EVENT_STORE=sqlite: the projector thread opens the embedded event store/);
    expect(() => loadStoresConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://k', MONGO_URL: 'mongo:27017' })).toThrow(/^MONGO_URL must be a MongoDB connection string/);
    // The projections run in-process by default there: the projector thread cannot read KurrentDB.
    expect(loadPlatformConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://k', MONGO_URL: 'mongodb://m' }).projections?.mode).toBe('in-process');
  });
});

describe('shared state and evidence files (SHARED_STATE, BLOB_STORE)', () => {
  it('keeps them embedded unless chosen; SHARED_STATE follows a MongoDB read store', () => {
    expect(loadStoresConfig({ MONGO_URL: 'mongodb://m:27017' }).sharedState).toEqual({ kind: 'embedded' });
    expect(loadStoresConfig({ SHARED_STATE: 'mongodb', MONGO_URL: 'mongodb://m:27017' }).sharedState).toEqual({ kind: 'mongodb', url: 'mongodb://m:27017' });
    expect(loadStoresConfig({ READ_STORE: 'mongodb', MONGO_URL: 'mongodb://m:27017', SHARED_STATE: 'embedded' }).sharedState).toEqual({ kind: 'embedded' });
  });

  it('names the missing address and refuses unknown choices', () => {
    expect(() => loadStoresConfig({ SHARED_STATE: 'mongodb' })).toThrow(/^SHARED_STATE=mongodb needs MONGO_URL: a MongoDB connection string/);
    expect(() => loadStoresConfig({ SHARED_STATE: 'redis' })).toThrow('SHARED_STATE must be one of embedded, mongodb (default embedded), got "redis"');
    expect(() => loadStoresConfig({ READ_STORE: 'mongodb', MONGO_URL: 'mongodb://m', SHARED_STATE: 'x' })).toThrow('SHARED_STATE must be one of mongodb, embedded (default mongodb)');
    expect(() => loadStoresConfig({ BLOB_STORE: 's3' })).toThrow(/^BLOB_STORE=s3 needs S3_BUCKET: 3 to 63 lowercase letters/);
    expect(() => loadStoresConfig({ BLOB_STORE: 'gcs' })).toThrow('BLOB_STORE must be one of fs, s3 (default fs), got "gcs"');
    expect(() => loadStoresConfig({ BLOB_STORE: 's3', S3_BUCKET: 'Evidence_Files' })).toThrow(/^S3_BUCKET must be 3 to 63 lowercase/);
    expect(() => loadStoresConfig({ BLOB_STORE: 's3', S3_BUCKET: 'evidence', S3_ENDPOINT: 'minio:9000' })).toThrow(/^S3_ENDPOINT must be an http\(s\) URL/);
    expect(() => loadStoresConfig({ BLOB_STORE: 's3', S3_BUCKET: 'evidence', S3_FORCE_PATH_STYLE: 'yes' })).toThrow('S3_FORCE_PATH_STYLE must be true or false, got "yes"');
  });

  it('reads the S3 bucket, region and endpoint; a custom endpoint is addressed by path', () => {
    expect(loadStoresConfig({ BLOB_STORE: 's3', S3_BUCKET: 'evidence' }).blobStore).toEqual({ kind: 's3', bucket: 'evidence', region: 'us-east-1', forcePathStyle: false });
    expect(loadStoresConfig({ BLOB_STORE: 's3', S3_BUCKET: 'evidence', S3_ENDPOINT: 'http://minio:9000', S3_REGION: 'cn-north-1' }).blobStore).toEqual({
      kind: 's3',
      bucket: 'evidence',
      region: 'cn-north-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
    });
  });
});

describe('the relay checkpoint (RELAY_CHECKPOINTS)', () => {
  it('stays in DATA_DIR unless chosen, even beside shared state kept in MongoDB', () => {
    expect(loadStoresConfig({ MONGO_URL: 'mongodb://m:27017' }).relayCheckpoints).toEqual({ kind: 'sqlite' });
    expect(loadStoresConfig({ SHARED_STATE: 'mongodb', MONGO_URL: 'mongodb://m:27017' }).relayCheckpoints).toEqual({ kind: 'sqlite' });
    expect(loadStoresConfig({ RELAY_CHECKPOINTS: 'mongodb', MONGO_URL: 'mongodb://m:27017', MONGO_DB: 'p' }).relayCheckpoints).toEqual({ kind: 'mongodb', url: 'mongodb://m:27017', dbName: 'p' });
  });

  it('names the missing address and refuses unknown choices', () => {
    expect(() => loadStoresConfig({ RELAY_CHECKPOINTS: 'mongodb' })).toThrow(/^RELAY_CHECKPOINTS=mongodb needs MONGO_URL: a MongoDB connection string/);
    expect(() => loadStoresConfig({ RELAY_CHECKPOINTS: 'mongodb', MONGO_URL: 'localhost:27017' })).toThrow(/^MONGO_URL must be a MongoDB connection string/);
    expect(() => loadStoresConfig({ RELAY_CHECKPOINTS: 'redis' })).toThrow('RELAY_CHECKPOINTS must be one of sqlite, mongodb (default sqlite), got "redis"');
  });
});
