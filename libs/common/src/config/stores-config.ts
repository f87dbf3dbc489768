/**
 * Which adapter sits behind each store port: the embedded ones by default (one process, one
 * command to start), the servers of the distributed mode when configured. Chosen once at start;
 * a choice that lacks its server's address stops the start with the variable and the rule named.
 */
/** `writer` (EVENT_STORE_WRITER): where the embedded store's group commits run; absent is the writer thread. */
export type EventStoreChoice = { readonly kind: 'sqlite'; readonly writer?: 'auto' | 'thread' | 'inline' } | { readonly kind: 'kurrentdb'; readonly url: string };
export type ReadStoreChoice =
  | { readonly kind: 'sqlite' }
  | { readonly kind: 'mongodb'; readonly url: string; readonly dbName?: string };
export type BusChoice =
  | { readonly kind: 'inprocess' }
  | { readonly kind: 'kafka'; readonly brokers: readonly string[]; readonly clientId: string; readonly topic: string };
export type SharedStateChoice = { readonly kind: 'embedded' } | { readonly kind: 'mongodb'; readonly url: string; readonly dbName?: string };
/** Where commands' idempotency keys are found: the event store's own index, or a MongoDB index beside a store that has none. */
export type IdempotencyIndexChoice = { readonly kind: 'event-store' } | { readonly kind: 'mongodb'; readonly url: string; readonly dbName?: string };
export type RelayCheckpointsChoice = { readonly kind: 'sqlite' } | { readonly kind: 'mongodb'; readonly url: string; readonly dbName?: string };
export type BlobStoreChoice =
  | { readonly kind: 'fs' }
  | {
      readonly kind: 's3';
      readonly bucket: string;
      readonly region: string;
      /** A MinIO or other S3-compatible server; absent: the provider's own endpoint for the region. */
      readonly endpoint?: string;
      /** `bucket` in the path rather than the host name, as most S3-compatible servers want. */
      readonly forcePathStyle: boolean;
    };

export interface StoresConfig {
  /** EVENT_STORE: `sqlite` (default, DATA_DIR/events.sqlite) or `kurrentdb` (needs KURRENTDB_URL). */
  readonly eventStore: EventStoreChoice;
  /** READ_STORE: `sqlite` (default, DATA_DIR/read-models.sqlite) or `mongodb` (needs MONGO_URL; MONGO_DB names the database). */
  readonly readStore: ReadStoreChoice;
  /** BUS: `inprocess` (default: projections read the event store) or `kafka` (needs KAFKA_BROKERS; the relay publishes to KAFKA_TOPIC). */
  readonly bus: BusChoice;
  /**
   * SHARED_STATE: what every API replica must see alike (rate-limit counters, refresh tokens,
   * password hashes, the security log). `embedded` (DATA_DIR/identity.sqlite and in-process
   * counters) or `mongodb` (needs MONGO_URL); unset follows READ_STORE.
   */
  readonly sharedState: SharedStateChoice;
  /** BLOB_STORE: `fs` (default, DATA_DIR/blobs) or `s3` (needs S3_BUCKET; S3_ENDPOINT for a non-AWS server). */
  readonly blobStore: BlobStoreChoice;
  /**
   * RELAY_CHECKPOINTS: where the relay keeps its position. `sqlite` (DATA_DIR/relay.sqlite, one
   * host) or `mongodb` (needs MONGO_URL: a relay started on another host resumes there). Unset is
   * `sqlite` whatever SHARED_STATE says: moving a running relay's checkpoint starts it from the first event.
   */
  readonly relayCheckpoints: RelayCheckpointsChoice;
  /**
   * The idempotency keys of commands: the embedded store indexes them beside its events; with
   * EVENT_STORE=kurrentdb they go to MongoDB at MONGO_URL (collection idempotency_keys, MONGO_DB),
   * which the platform app requires (see assertPlatformRunsOn); the relay appends nothing and needs none.
   */
  readonly idempotencyIndex: IdempotencyIndexChoice;
}

export const EMBEDDED_STORES: StoresConfig = {
  eventStore: { kind: 'sqlite' },
  readStore: { kind: 'sqlite' },
  bus: { kind: 'inprocess' },
  sharedState: { kind: 'embedded' },
  blobStore: { kind: 'fs' },
  relayCheckpoints: { kind: 'sqlite' },
  idempotencyIndex: { kind: 'event-store' },
};
export const DEFAULT_KAFKA_TOPIC = 'platform.integration-events';
export const DEFAULT_KAFKA_CLIENT_ID = 'campaign-platform';

export class StoresConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoresConfigError';
  }
}

export function choice<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[]): T {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return allowed[0];
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new StoresConfigError(`${name} must be one of ${allowed.join(', ')} (default ${allowed[0]}), got "${raw}"`);
  }
  return raw as T;
}

function required(env: NodeJS.ProcessEnv, name: string, because: string, rule: string, test: (v: string) => boolean): string {
  const raw = (env[name] ?? '').trim();
  if (raw === '') throw new StoresConfigError(`${because} needs ${name}: ${rule}`);
  if (!test(raw)) throw new StoresConfigError(`${name} must be ${rule}, got "${raw}"`);
  return raw;
}

const KURRENTDB_RULE = 'a KurrentDB connection string, e.g. kurrentdb://localhost:2113?tls=false (esdb:// and kurrentdb+discover:// too)';
const MONGO_RULE = 'a MongoDB connection string, e.g. mongodb://localhost:27017 (or mongodb+srv://)';
const KAFKA_RULE = 'comma-separated host:port brokers, e.g. kafka-1:9092,kafka-2:9092';

const S3_BUCKET_RULE = '3 to 63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit';
const S3_ENDPOINT_RULE = 'an http(s) URL, e.g. http://minio:9000';

const isKurrentUrl = (v: string) => /^(kurrentdb|kdb|esdb)(\+discover)?:\/\/[^\s]+$/.test(v);
const isMongoUrl = (v: string) => /^mongodb(\+srv)?:\/\/[^\s]+$/.test(v);
const isBroker = (v: string) => /^[A-Za-z0-9.-]+:\d{1,5}$/.test(v) && Number(v.split(':').pop()) <= 65535;

/**
 * EVENT_STORE_WRITER: `thread` (default: every group commit on a writer thread with its own
 * connection, off the API's event loop), `auto` (on the thread, but a lone append while the thread is
 * idle on that loop, without the two hand-overs) or `inline` (every group on the loop: one thread
 * fewer; see SqliteEventStoreOptions.writer). `auto` is not the default: in the bench's A/B on the
 * merged platform (2026-12-03, load 1.7-2.7) it answered one client no faster (372 against 399
 * notes/s) and 64 clients with a p99 of 209 ms against 111 ms.
 */
function sqliteEventStore(env: NodeJS.ProcessEnv): EventStoreChoice {
  if ((env.EVENT_STORE_WRITER ?? '').trim() === '') return { kind: 'sqlite' };
  return { kind: 'sqlite', writer: choice(env, 'EVENT_STORE_WRITER', ['thread', 'auto', 'inline'] as const) };
}

/** Reads EVENT_STORE, READ_STORE and BUS with the addresses each needs; unset means the embedded default. */
export function loadStoresConfig(env: NodeJS.ProcessEnv = process.env): StoresConfig {
  const eventKind = choice(env, 'EVENT_STORE', ['sqlite', 'kurrentdb'] as const);
  const readKind = choice(env, 'READ_STORE', ['sqlite', 'mongodb'] as const);
  const busKind = choice(env, 'BUS', ['inprocess', 'kafka'] as const);
  const eventStore: EventStoreChoice =
    eventKind === 'kurrentdb'
      ? { kind: 'kurrentdb', url: required(env, 'KURRENTDB_URL', 'EVENT_STORE=kurrentdb', KURRENTDB_RULE, isKurrentUrl) }
      : sqliteEventStore(env);
  const readStore: ReadStoreChoice =
    readKind === 'mongodb'
      ? { kind: 'mongodb', url: required(env, 'MONGO_URL', 'READ_STORE=mongodb', MONGO_RULE, isMongoUrl), dbName: env.MONGO_DB?.trim() || undefined }
      : { kind: 'sqlite' };
  const bus: BusChoice =
    busKind === 'kafka' ? { kind: 'kafka', ...kafkaConnection(env, 'BUS=kafka'), topic: kafkaName(env, 'KAFKA_TOPIC', DEFAULT_KAFKA_TOPIC) } : { kind: 'inprocess' };
  return {
    eventStore,
    readStore,
    bus,
    sharedState: sharedStateChoice(env, readStore),
    blobStore: blobStoreChoice(env),
    relayCheckpoints: relayCheckpointsChoice(env),
    idempotencyIndex: idempotencyIndexChoice(env, eventStore),
  };
}

function idempotencyIndexChoice(env: NodeJS.ProcessEnv, eventStore: EventStoreChoice): IdempotencyIndexChoice {
  // The embedded store answers by key itself; only a store without that index needs one beside it.
  if (eventStore.kind === 'sqlite' || (env.MONGO_URL ?? '').trim() === '') return { kind: 'event-store' };
  return { kind: 'mongodb', url: required(env, 'MONGO_URL', 'EVENT_STORE=kurrentdb', MONGO_RULE, isMongoUrl), dbName: env.MONGO_DB?.trim() || undefined };
}

function relayCheckpointsChoice(env: NodeJS.ProcessEnv): RelayCheckpointsChoice {
  // Chosen, never followed from SHARED_STATE: a relay whose checkpoint moved unasked would start again from the first event.
  if (choice(env, 'RELAY_CHECKPOINTS', ['sqlite', 'mongodb'] as const) === 'sqlite') return { kind: 'sqlite' };
  return { kind: 'mongodb', url: required(env, 'MONGO_URL', 'RELAY_CHECKPOINTS=mongodb', MONGO_RULE, isMongoUrl), dbName: env.MONGO_DB?.trim() || undefined };
}

function sharedStateChoice(env: NodeJS.ProcessEnv, readStore: ReadStoreChoice): SharedStateChoice {
  // Replicas that share a MongoDB read store share their rate limits and sessions there too, unless told otherwise.
  const kinds = readStore.kind === 'mongodb' ? (['mongodb', 'embedded'] as const) : (['embedded', 'mongodb'] as const);
  if (choice(env, 'SHARED_STATE', kinds) === 'embedded') return { kind: 'embedded' };
  return { kind: 'mongodb', url: required(env, 'MONGO_URL', 'SHARED_STATE=mongodb', MONGO_RULE, isMongoUrl), dbName: env.MONGO_DB?.trim() || undefined };
}

function blobStoreChoice(env: NodeJS.ProcessEnv): BlobStoreChoice {
  if (choice(env, 'BLOB_STORE', ['fs', 's3'] as const) === 'fs') return { kind: 'fs' };
  const bucket = required(env, 'S3_BUCKET', 'BLOB_STORE=s3', S3_BUCKET_RULE, (v) => /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v));
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(endpoint)) {
    throw new StoresConfigError(`S3_ENDPOINT must be ${S3_ENDPOINT_RULE}, got "${endpoint}"`);
  }
  const pathStyle = (env.S3_FORCE_PATH_STYLE ?? '').trim();
  if (!['', 'true', 'false'].includes(pathStyle)) throw new StoresConfigError(`S3_FORCE_PATH_STYLE must be true or false, got "${pathStyle}"`);
  return {
    kind: 's3',
    bucket,
    region: env.S3_REGION?.trim() || env.AWS_REGION?.trim() || 'us-east-1',
    ...(endpoint ? { endpoint } : {}),
    // A custom endpoint is nearly always MinIO or alike, which serves buckets by path.
    forcePathStyle: pathStyle === '' ? endpoint !== undefined : pathStyle === 'true',
  };
}

/** KAFKA_BROKERS (required by `because`, e.g. `BUS=kafka`) and KAFKA_CLIENT_ID. */
export function kafkaConnection(env: NodeJS.ProcessEnv, because: string): { brokers: string[]; clientId: string } {
  return {
    brokers: required(env, 'KAFKA_BROKERS', because, KAFKA_RULE, (v) => v.split(',').every((b) => isBroker(b.trim())))
      .split(',')
      .map((b) => b.trim()),
    clientId: env.KAFKA_CLIENT_ID?.trim() || DEFAULT_KAFKA_CLIENT_ID,
  };
}

/** A topic or consumer-group name from `name`, or `fallback` when unset. */
export function kafkaName(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback;
  // Kafka's own rule for topic names.
  if (!/^[A-Za-z0-9._-]{1,249}$/.test(value)) {
    throw new StoresConfigError(`${name} must be 1 to 249 of letters, digits, ".", "_" and "-", got "${value}"`);
  }
  return value;
}

/**
 * What the all-in-one platform needs of its stores beyond their addresses. On KurrentDB it runs
 * with what that store offers (opaque positions, one chain per stream under the global notary, one
 * stream per append); what it cannot offer, an index of idempotency keys, is kept in MongoDB, and
 * the projector thread, which opens the embedded event store itself, is not available (the
 * projector process, `npm run projector`, reads KurrentDB).
 */
export function assertPlatformRunsOn(stores: StoresConfig, projections: 'in-process' | 'worker' | 'off' = 'in-process'): void {
  if (stores.eventStore.kind !== 'kurrentdb') return;
  if (stores.idempotencyIndex.kind !== 'mongodb') {
    throw new StoresConfigError(
      `EVENT_STORE=kurrentdb needs MONGO_URL: ${MONGO_RULE}. KurrentDB cannot find a command's events by its idempotency key ` +
        '(it deduplicates event ids only within a stream), so the platform indexes the keys in MongoDB (collection idempotency_keys).',
    );
  }
  if (projections === 'worker') {
    throw new StoresConfigError(
      'PROJECTIONS=worker needs EVENT_STORE=sqlite: the projector thread opens the embedded event store (DATA_DIR/events.sqlite). ' +
        'With EVENT_STORE=kurrentdb set PROJECTIONS=in-process (its default there) or off.',
    );
  }
}
