import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { documentProjection, Projection } from '../projection';
import { ProjectionRunner, ProjectionRunnerOptions } from '../projection-runner';
import type { StoredEvent } from '@platform/event-store';
import { CommitBatch, upsert } from '../read-store.port';
import { appendTicks } from '../testing/sample-events';
import { closeSqliteStores, openSqliteStores } from '../testing/sqlite-stores';
import { readModelsFile, SqliteReadStore } from './sqlite-read-store';

interface GroupDoc {
  readonly _id: string;
  readonly ticks: number;
  readonly lastPosition: number;
  /** The group's last three positions: an array field, indexed in array_values. */
  readonly recent: number[];
}

const GROUPS = 'bulk_groups';
const groups = documentProjection<GroupDoc, { group: string }>({
  name: 'bulk-groups',
  version: 1,
  collection: GROUPS,
  handles: ['Ticked'],
  indexes: { lastPosition: 'scalar', ticks: 'scalar', recent: 'array' },
  id: (e) => e.data.group,
  evolve: (current, e) => ({
    _id: e.data.group,
    ticks: (current?.ticks ?? 0) + 1,
    lastPosition: e.position,
    recent: [...(current?.recent ?? []), e.position].slice(-3),
  }),
});
/** The same projection, its collection taking about a document per event: every index is left for the end. */
const groupsAtEnd = { ...groups, indexedAtEnd: [GROUPS] };
const INDEXES = ['ix_bulk_groups__lastPosition', 'ix_bulk_groups__ticks', 'ixa_bulk_groups__recent'];
/** The expression indexes stay kept write by write; the array field's rows and index wait for the end. */
const WITHOUT_ARRAYS = INDEXES.filter((i) => !i.startsWith('ixa_'));
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const options: ProjectionRunnerOptions = { pollMs: 20, logger: quiet, batchSize: 5, writeBehind: { events: 40 } };

function indexesOf(store: SqliteReadStore): string[] {
  return store.db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%bulk_groups%' ORDER BY name").pluck().all();
}

/** Collections marked as refilled, for what triggers keep (see beginBulkLoad). */
function marked(store: SqliteReadStore): string[] {
  return store.db.prepare<[], string>('SELECT collection FROM bulk_loads').pluck().all();
}

function arrayValues(store: SqliteReadStore): unknown[] {
  return store.db.prepare(`SELECT id, field, value FROM array_values WHERE collection = '${GROUPS}' ORDER BY id, field, value`).all();
}

function plan(store: SqliteReadStore, sql: string): string {
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' ');
}

/** What queries answer, through the scalar and the array indexes. */
async function answers(store: SqliteReadStore): Promise<unknown[]> {
  return [
    await store.find(GROUPS, {}, { sort: { _id: 1 } }),
    await store.find(GROUPS, { lastPosition: { $gt: 280 } }, { sort: { lastPosition: 1 } }),
    await store.find(GROUPS, { recent: { $in: [100, 101, 102, 250] } }, { sort: { _id: 1 } }),
    await store.count(GROUPS, { recent: 299 }),
  ];
}

/** What a rebuild leaves when killed after a few flushes: the documents of the events up to 120, and its checkpoint there. */
function killedAt120(early: readonly StoredEvent[]): CommitBatch {
  const byGroup = new Map<string, GroupDoc>();
  for (const e of early) {
    const g = (e.data as { group: string }).group;
    const current = byGroup.get(g);
    byGroup.set(g, { _id: g, ticks: (current?.ticks ?? 0) + 1, lastPosition: e.position, recent: [...(current?.recent ?? []), e.position].slice(-3) });
  }
  return { projection: groups.name, version: 1, fromPosition: 0, toPosition: 120, toHash: early[early.length - 1].hash, writes: [...byGroup.values()].map((d) => upsert(GROUPS, d)) };
}

describe('SQLite read store: array fields of a rebuilt collection indexed in bulk', () => {
  let stores: ReturnType<typeof openSqliteStores>;
  let runner: ProjectionRunner | null;
  beforeEach(async () => {
    stores = openSqliteStores('rm-bulk-');
    runner = null;
    await appendTicks(stores.events, 300, { groups: 12, perAppend: 7 });
  });
  afterEach(() => closeSqliteStores(stores, runner));

  /** The documents and array values a live runner builds, index entry by index entry. */
  async function builtLive(): Promise<{ docs: unknown[]; values: unknown[] }> {
    const live = new ProjectionRunner(stores.events, stores.store, [groups], options);
    live.start();
    await live.caughtUp();
    await live.stop();
    return { docs: await answers(stores.store), values: arrayValues(stores.store) };
  }

  /** Rebuilds the projection, noting the indexes and array rows after each flush before the last. */
  async function rebuiltWatching(projection: Projection): Promise<Array<{ indexes: string[]; values: number }>> {
    runner = new ProjectionRunner(stores.events, stores.store, [projection], options);
    const midway: Array<{ indexes: string[]; values: number }> = [];
    await runner.rebuild(projection.name, {
      onProgress: (p) => {
        if (p.position > 0 && p.position < p.head) midway.push({ indexes: indexesOf(stores.store), values: arrayValues(stores.store).length });
      },
    });
    return midway;
  }

  it('fills the array field\'s rows and index once, after the last batch, to the same entries as kept write by write; queries use the indexes', async () => {
    const live = await builtLive();
    expect(live.values.length).toBeGreaterThan(12);
    const midway = await rebuiltWatching(groups);
    // Committed in several flushes meanwhile, without any array row.
    expect(midway.length).toBeGreaterThan(3);
    expect(midway.every((m) => m.values === 0)).toBe(true);
    expect(midway.map((m) => m.indexes)).toEqual(midway.map(() => WITHOUT_ARRAYS));
    expect(indexesOf(stores.store)).toEqual(INDEXES);
    expect(arrayValues(stores.store)).toEqual(live.values);
    expect(await answers(stores.store)).toEqual(live.docs);
    expect(plan(stores.store, `SELECT id FROM documents WHERE collection = '${GROUPS}' AND json_extract(body, '$.lastPosition') > 280`)).toContain('ix_bulk_groups__lastPosition');
    expect(plan(stores.store, `SELECT id FROM array_values WHERE collection = '${GROUPS}' AND field = 'recent' AND value = 299`)).toContain('ixa_bulk_groups__recent');
  });

  it('builds every index of a collection indexed at the end once, after the last batch, to the same entries as kept write by write; queries use them', async () => {
    const live = await builtLive();
    const midway = await rebuiltWatching(groupsAtEnd);
    // Committed in several flushes meanwhile, without any index entry or array row.
    expect(midway.length).toBeGreaterThan(3);
    expect(midway.every((m) => m.values === 0 && m.indexes.length === 0)).toBe(true);
    expect(indexesOf(stores.store)).toEqual(INDEXES);
    expect(arrayValues(stores.store)).toEqual(live.values);
    expect(await answers(stores.store)).toEqual(live.docs);
    expect(plan(stores.store, `SELECT id FROM documents WHERE collection = '${GROUPS}' AND json_extract(body, '$.lastPosition') > 280`)).toContain('ix_bulk_groups__lastPosition');
  });

  it('drops what it builds at the end before it deletes the old documents, so the delete keeps no entry of them', async () => {
    const live = await builtLive();
    expect(indexesOf(stores.store)).toEqual(INDEXES);
    // What indexes of the collection exist as each old document is deleted.
    stores.store.db.exec(`
      CREATE TEMP TABLE seen (indexes INTEGER);
      CREATE TEMP TRIGGER seen_at_delete AFTER DELETE ON documents WHEN old.collection = '${GROUPS}' BEGIN
        INSERT INTO seen SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE '%bulk_groups%';
      END;
    `);
    await rebuiltWatching(groupsAtEnd);
    const seen = stores.store.db.prepare<[], number>('SELECT indexes FROM seen').pluck().all();
    expect(seen).toHaveLength(12);
    expect(new Set(seen)).toEqual(new Set([0]));
    expect(indexesOf(stores.store)).toEqual(INDEXES);
    expect(await answers(stores.store)).toEqual(live.docs);
  });

  it('keeps SQLite\'s temporary files (the statement journals of its multi-row writes) in memory, in a rebuild and after it', async () => {
    const tempStore = () => stores.store.db.pragma('temp_store', { simple: true });
    runner = new ProjectionRunner(stores.events, stores.store, [groupsAtEnd], options);
    const midway: unknown[] = [];
    await runner.rebuild(groups.name, { onProgress: (p) => void (p.position > 0 && p.position < p.head && midway.push(tempStore())) });
    expect(midway.length).toBeGreaterThan(3);
    // 2 = MEMORY (the build's default is 0, files).
    expect(new Set([...midway, tempStore()])).toEqual(new Set([2]));
  });

  it('answers exactly, unindexed, while every index of a collection indexed at the end waits for it', async () => {
    const live = await builtLive();
    await stores.store.reset(groups.name, [GROUPS]);
    await stores.store.beginBulkLoad([GROUPS], { indexedAtEnd: [GROUPS] });
    const docs = (live.docs[0] as GroupDoc[]).map((d) => upsert(GROUPS, d));
    await stores.store.commit({ projection: groups.name, version: 1, fromPosition: 0, toPosition: 300, writes: docs });
    expect(indexesOf(stores.store)).toEqual([]);
    expect(marked(stores.store)).toEqual([GROUPS]);
    expect(await answers(stores.store)).toEqual(live.docs);
    // A hint names an index not built yet: the query goes without it.
    expect(await stores.store.find(GROUPS, { lastPosition: { $gt: 280 } }, { sort: { lastPosition: 1 }, hint: 'lastPosition' })).toEqual(live.docs[1]);
    await stores.store.finishBulkLoad([GROUPS]);
    expect(marked(stores.store)).toEqual([]);
  });

  it('a rebuild of a collection indexed at the end killed before its end: the next start builds every index, and goes on from the checkpoint', async () => {
    const live = await builtLive();
    await stores.store.reset(groups.name, [GROUPS]);
    await stores.store.beginBulkLoad([GROUPS], { indexedAtEnd: [GROUPS] });
    await stores.store.commit(killedAt120(await stores.events.readAll({ until: 120, limit: 1_000 })));
    await stores.store.close();

    const reopened = new SqliteReadStore({ file: readModelsFile(stores.dir) });
    stores = { ...stores, store: reopened };
    expect(indexesOf(reopened)).toEqual([]);
    expect(marked(reopened)).toEqual([GROUPS]);
    runner = new ProjectionRunner(stores.events, reopened, [groupsAtEnd], options);
    // Declared at registration: built over what the killed rebuild stored, and the mark taken off.
    expect(indexesOf(reopened)).toEqual(INDEXES);
    expect(marked(reopened)).toEqual([]);
    runner.start();
    await runner.caughtUp();
    expect(await reopened.checkpoint(groups.name)).toMatchObject({ position: 300 });
    expect(arrayValues(reopened)).toEqual(live.values);
    expect(await answers(reopened)).toEqual(live.docs);
  });

  it('a rebuild stopped between batches builds nothing on its way out, as a kill: the indexes are built once it runs live, and it goes on from its checkpoint', async () => {
    const live = await builtLive();
    let goneLive = false;
    const indexesAtLiveCommits: string[][] = [];
    // A small bound stores part of the rebuild before the stop; what it holds pending at the stop is dropped.
    const commits: number[] = [];
    const stop = new AbortController();
    const onCommitted = (_: string, position: number) => void (goneLive ? indexesAtLiveCommits.push(indexesOf(stores.store)) : stop.signal.aborted || commits.push(position));
    runner = new ProjectionRunner(stores.events, stores.store, [groupsAtEnd], { ...options, writeBehind: { bytes: 500 }, onCommitted });
    const rebuilt = runner.rebuild(groupsAtEnd.name, { signal: stop.signal, onProgress: (p) => void (p.position >= 150 && stop.abort(new Error('stopping'))) });
    await expect(rebuilt).rejects.toThrow('stopping');
    const checkpoint = (await stores.store.checkpoint(groups.name))?.position ?? 0;
    expect(checkpoint).toBeGreaterThan(0);
    expect(checkpoint).toBe(commits[commits.length - 1]);
    expect(checkpoint).toBeLessThan(300);
    expect(indexesOf(stores.store)).toEqual([]);
    expect(arrayValues(stores.store)).toEqual([]);
    expect(marked(stores.store)).toEqual([GROUPS]);
    // The same runner goes live: the indexes are built before its first batch, over what the rebuild stored.
    goneLive = true;
    runner.start();
    await runner.caughtUp();
    expect(await stores.store.checkpoint(groups.name)).toMatchObject({ position: 300 });
    expect(indexesAtLiveCommits.length).toBeGreaterThan(0);
    expect(indexesAtLiveCommits).toEqual(indexesAtLiveCommits.map(() => INDEXES));
    expect(marked(stores.store)).toEqual([]);
    expect(arrayValues(stores.store)).toEqual(live.values);
    expect(await answers(stores.store)).toEqual(live.docs);
  });

  it('answers exactly while the array field is left for the end', async () => {
    const live = await builtLive();
    await stores.store.reset(groups.name, [GROUPS]);
    await stores.store.beginBulkLoad([GROUPS]);
    const docs = (live.docs[0] as GroupDoc[]).map((d) => upsert(GROUPS, d));
    await stores.store.commit({ projection: groups.name, version: 1, fromPosition: 0, toPosition: 300, writes: docs });
    expect(indexesOf(stores.store)).toEqual(WITHOUT_ARRAYS);
    expect(arrayValues(stores.store)).toEqual([]);
    expect(await answers(stores.store)).toEqual(live.docs);
    // A hint names an index that is not there (here dropped by hand): the query goes without it.
    stores.store.db.exec('DROP INDEX ix_bulk_groups__lastPosition');
    expect(await stores.store.find(GROUPS, { lastPosition: { $gt: 280 } }, { sort: { lastPosition: 1 }, hint: 'lastPosition' })).toEqual(live.docs[1]);
  });

  it('a rebuild killed before its array field was filled: the next start fills and indexes it, and goes on from the checkpoint', async () => {
    const live = await builtLive();
    // What a rebuild leaves when killed after a few flushes: documents up to its checkpoint, no array rows.
    await stores.store.reset(groups.name, [GROUPS]);
    await stores.store.beginBulkLoad([GROUPS]);
    await stores.store.commit(killedAt120(await stores.events.readAll({ until: 120, limit: 1_000 })));
    await stores.store.close();

    const reopened = new SqliteReadStore({ file: readModelsFile(stores.dir) });
    stores = { ...stores, store: reopened };
    expect(indexesOf(reopened)).toEqual(WITHOUT_ARRAYS);
    expect(arrayValues(reopened)).toEqual([]);
    runner = new ProjectionRunner(stores.events, reopened, [groups], options);
    // Declared at registration: built over what the killed rebuild stored.
    expect(indexesOf(reopened)).toEqual(INDEXES);
    expect(arrayValues(reopened).length).toBeGreaterThan(0);
    runner.start();
    await runner.caughtUp();
    expect(await reopened.checkpoint(groups.name)).toMatchObject({ position: 300 });
    expect(arrayValues(reopened)).toEqual(live.values);
    expect(await answers(reopened)).toEqual(live.docs);
  });
});

/**
 * A rebuild in two lanes shares the file: one lane takes statistics of a collection it refills while
 * the other commits. Taking them must wait for the other's commit, not fail: begun as a read, the
 * transaction could not become a write once the other lane had committed, and SQLite refused it at
 * once (SQLITE_BUSY), which failed the whole rebuild.
 */
describe('SQLite read store: statistics of a refilled collection while another connection commits', () => {
  it('waits for the other writer instead of failing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulk-stats-'));
    const file = join(dir, 'read-models.sqlite');
    const store = new SqliteReadStore({ file, busyWaitMs: 30_000 });
    // The other lane: transactions of 200 rows, one after another, for about a second and a half.
    const other = new Worker(
      `const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
       const db = new Database(${JSON.stringify(file)});
       db.pragma('busy_timeout = 30000');
       const insert = db.prepare("INSERT OR REPLACE INTO documents (collection, id, body, position) VALUES ('other', ?, '{}', 0)");
       const write = db.transaction((k) => { for (let i = 0; i < 200; i++) insert.run(String(k * 200 + i)); });
       const end = Date.now() + 1500;
       let k = 0;
       while (Date.now() < end) write.immediate(k++);
       db.close();
       require('node:worker_threads').parentPort.postMessage(k);`,
      { eval: true },
    );
    try {
      store.ensureIndexes('entries', { n: 'scalar', tags: 'array' });
      await store.resetForBulkLoad('p', ['entries'], { indexedAtEnd: ['entries'] });
      await store.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes: Array.from({ length: 50 }, (_, i) => upsert('entries', { _id: `e-${i}`, n: i, tags: ['a'] })) });
      const done = new Promise<number>((resolve, reject) => other.once('message', resolve).once('error', reject));
      let taken = 0;
      let finished = false;
      void done.then(() => (finished = true));
      while (!finished) {
        store.analyze();
        taken++;
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await done).toBeGreaterThan(0);
      expect(taken).toBeGreaterThan(0);
    } finally {
      await other.terminate();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
