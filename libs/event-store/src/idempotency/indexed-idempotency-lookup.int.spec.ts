import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeNotaryMongo } from '../testing/fake-notary-mongo';
import { newEvent } from '../testing/event-store.contract';
import { idempotencyLookupContract } from '../testing/idempotency-lookup.contract';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { IdempotencyIndex } from './idempotency-index.port';
import { IndexedIdempotencyLookup, withIdempotencyIndex } from './indexed-idempotency-lookup';
import { MongoIdempotencyIndex } from './mongo-idempotency-index';

/** The embedded store configured as a clustered one (one stream per append), its own key column left unused. */
function indexedHarness(openIndex: () => Promise<IdempotencyIndex>, cleanupIndex: () => Promise<void> = async () => undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'idempotency-index-'));
  const open = async () => {
    const events = withIdempotencyIndex(new SqliteEventStore({ file: join(dir, 'events.sqlite'), atomicMultiStream: false }), await openIndex());
    return { events, lookup: events };
  };
  return {
    open,
    reopen: open,
    cleanup: async () => {
      await cleanupIndex();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

idempotencyLookupContract('MongoDB index over the fake driver', () => {
  const fake = new FakeNotaryMongo({});
  return indexedHarness(async () => new MongoIdempotencyIndex(fake.connection()));
});

const url = process.env.MONGO_URL;
if (url) {
  idempotencyLookupContract('MongoDB index (driver through mongoose)', () => {
    const dbName = `idempotency_contract_${randomUUID().slice(0, 8)}`;
    return indexedHarness(
      () => MongoIdempotencyIndex.connect({ url, dbName }),
      async () => {
        const { createConnection } = await import('mongoose');
        const c = await createConnection(url, { dbName }).asPromise();
        await c.dropDatabase();
        await c.close();
      },
    );
  });
} else {
  describe('idempotency lookup contract: MongoDB index on a server', () => {
    it('needs MONGO_URL to run', () => {
      console.log('MongoDB idempotency-index contract skipped: MONGO_URL is not set');
    });
  });
}

describe('indexed idempotency lookup across a crash', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'idempotency-crash-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds nothing for a key recorded before an append that never happened, then the retry with the same ids once it is stored', async () => {
    const fake = new FakeNotaryMongo({});
    const index = new MongoIdempotencyIndex(fake.connection());
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), atomicMultiStream: false });
    const lookup = new IndexedIdempotencyLookup(store, index);
    const key = `user-1:${randomUUID()}`;
    const stream = `test-${randomUUID()}`;
    const first = newEvent('A', {}, { idempotencyKey: key, commandFingerprint: 'f' });
    // The process died between recording the intent and appending it.
    await index.record(key, [{ streamId: stream, eventIds: [first.eventId] }]);
    expect(await lookup.findByIdempotencyKey(key)).toEqual([]);

    const indexed = withIdempotencyIndex(store, index);
    await indexed.append(stream, [first], 'no_stream');
    // The answer to the retry was lost: the same derived id is appended again and recognised.
    const again = await indexed.append(stream, [first], 'any');
    expect(again.deduplicated).toBe(true);
    expect((await lookup.findByIdempotencyKey(key)).map((e) => e.eventId)).toEqual([first.eventId]);
    expect(await index.writesOf(key)).toEqual([{ streamId: stream, eventIds: [first.eventId] }]);
    await indexed.close();
  });

  it('ignores an event stored under a recorded id but another key', async () => {
    const index = new MongoIdempotencyIndex(new FakeNotaryMongo({}).connection());
    const store = withIdempotencyIndex(new SqliteEventStore({ file: join(dir, 'events.sqlite') }), index);
    const stream = `test-${randomUUID()}`;
    const other = newEvent('A', {}, { idempotencyKey: 'user-2:k' });
    await store.append(stream, [other], 'no_stream');
    await index.record('user-1:k', [{ streamId: stream, eventIds: [other.eventId] }]);
    expect(await store.findByIdempotencyKey('user-1:k')).toEqual([]);
    await store.close();
  });
});

const kurrentUrl = process.env.KURRENTDB_URL;
if (kurrentUrl) {
  idempotencyLookupContract('KurrentDB with the MongoDB index (fake driver unless MONGO_URL)', () => {
    const namespace = `idempotency-${randomUUID()}/`;
    const fake = new FakeNotaryMongo({});
    const dbName = `idempotency_kurrent_${randomUUID().slice(0, 8)}`;
    const open = async () => {
      const { KurrentDbEventStore } = await import('../kurrentdb/kurrentdb-event-store');
      const index = url ? await MongoIdempotencyIndex.connect({ url, dbName }) : new MongoIdempotencyIndex(fake.connection());
      const events = withIdempotencyIndex(new KurrentDbEventStore({ url: kurrentUrl, namespace }), index);
      return { events, lookup: events };
    };
    return { open, reopen: open, cleanup: async () => undefined };
  });
} else {
  describe('idempotency lookup contract: KurrentDB', () => {
    it('needs KURRENTDB_URL to run', () => {
      console.log('KurrentDB idempotency-lookup contract skipped: KURRENTDB_URL is not set');
    });
  });
}
