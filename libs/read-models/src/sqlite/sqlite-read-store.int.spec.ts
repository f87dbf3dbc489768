import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remove, upsert } from '../read-store.port';
import { readStoreContract } from '../testing/read-store.contract';
import { readModelsFile, SqliteReadStore } from './sqlite-read-store';

function sqliteHarness() {
  const dir = mkdtempSync(join(tmpdir(), 'rm-contract-'));
  const file = readModelsFile(dir);
  return {
    open: async () => new SqliteReadStore({ file }),
    reopen: async () => new SqliteReadStore({ file }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

readStoreContract('SQLite + mingo', sqliteHarness);

describe('SQLite read store specifics', () => {
  let h: ReturnType<typeof sqliteHarness>;
  beforeEach(() => (h = sqliteHarness()));
  afterEach(() => h.cleanup());

  it('runs in WAL mode with synchronous=NORMAL: a lost last batch is replayed from the event store', async () => {
    const store = (await h.open()) as SqliteReadStore;
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    await store.close();
  });

  it('stores several projections\' batches in one transaction, each as its own commit would: one whose checkpoint moved leaves nothing, the others are stored', async () => {
    const store = (await h.open()) as SqliteReadStore;
    await store.commit({ projection: 'b', version: 1, fromPosition: 0, toPosition: 3, writes: [upsert('b_docs', { _id: 'x', n: 1 })] });
    const outcomes = await store.commitAll([
      { projection: 'a', version: 1, fromPosition: 0, toPosition: 5, toHash: 'h5', writes: [upsert('a_docs', { _id: 'x', n: 5 })] },
      // Computed from a checkpoint that is no longer the stored one.
      { projection: 'b', version: 1, fromPosition: 0, toPosition: 5, writes: [upsert('b_docs', { _id: 'x', n: 2 }), upsert('b_docs', { _id: 'y', n: 2 })] },
      { projection: 'c', version: 2, fromPosition: 0, toPosition: 5, writes: [upsert('c_docs', { _id: 'x', n: 5 }), remove('c_docs', 'x')] },
    ]);
    expect(outcomes.map((o) => (o === null ? null : (o as Error).name))).toEqual([null, 'CheckpointConflictError', null]);
    expect(await store.checkpoints()).toMatchObject([
      { projection: 'a', position: 5, version: 1, hash: 'h5' },
      { projection: 'b', position: 3 },
      { projection: 'c', position: 5, version: 2 },
    ]);
    expect(await store.find('a_docs')).toEqual([{ _id: 'x', n: 5 }]);
    expect(await store.find('b_docs')).toEqual([{ _id: 'x', n: 1 }]);
    expect(await store.find('c_docs')).toEqual([]);
    await store.close();
  });

  it('makes a new file with 8 KiB pages, and leaves a file made with 4 KiB pages as it is, working', async () => {
    const fresh = (await h.open()) as SqliteReadStore;
    expect(fresh.db.pragma('page_size', { simple: true })).toBe(8192);
    await fresh.close();

    const dir = mkdtempSync(join(tmpdir(), 'rm-4k-'));
    try {
      const file = readModelsFile(dir);
      const older = new Database(file);
      older.pragma('page_size = 4096');
      older.pragma('journal_mode = WAL');
      older.exec('CREATE TABLE earlier (x)');
      older.close();
      const store = new SqliteReadStore({ file });
      store.ensureIndexes('items', { status: 'scalar' });
      await store.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes: [upsert('items', { _id: 'a', status: 'open' })] });
      expect(store.db.pragma('page_size', { simple: true })).toBe(4096);
      await store.close();
      const reopened = new SqliteReadStore({ file });
      expect(reopened.db.pragma('page_size', { simple: true })).toBe(4096);
      expect(await reopened.find('items', { status: 'open' })).toEqual([{ _id: 'a', status: 'open' }]);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes the page cache a rebuild asks for, and keeps the library's default otherwise", async () => {
    const rebuild = new SqliteReadStore({ file: ':memory:', pageCacheMiB: 256 });
    const plain = new SqliteReadStore({ file: ':memory:' });
    expect(rebuild.db.pragma('cache_size', { simple: true })).toBe(-256 * 1024);
    expect(plain.db.pragma('cache_size', { simple: true })).toBe(-16000);
    await rebuild.close();
    await plain.close();
  });

  it('takes statistics again after live rewrites of the same documents only every few minutes, and at once when the collection grew by a fifth', async () => {
    let now = Date.parse('2026-12-01T08:00:00Z');
    const dir = mkdtempSync(join(tmpdir(), 'rm-stats-'));
    const store = new SqliteReadStore({ file: readModelsFile(dir), clock: () => new Date(now) });
    try {
      store.ensureIndexes('items', { status: 'scalar' });
      const analyses = jest.spyOn(store.db, 'exec');
      const analyzed = () => analyses.mock.calls.filter(([sql]) => sql.startsWith('ANALYZE "ix_items')).length;
      let position = 0;
      const write = (ids: number, round: number) =>
        store.commit({ projection: 'p', version: 1, fromPosition: position, toPosition: ++position, writes: Array.from({ length: ids }, (_, i) => upsert('items', { _id: `i${i}`, status: `s${(i + round) % 3}` })) });
      // A thousand new documents: analyzed (no statistics before).
      await write(1000, 0);
      expect(analyzed()).toBe(1);
      // Notes rewriting the same thousand documents, four thousand writes within a minute: not again.
      for (let round = 1; round <= 4; round++) await write(1000, round);
      expect(analyzed()).toBe(1);
      // Five minutes on, the next thousand rewrites take them again.
      now += 5 * 60_000;
      await write(1000, 5);
      expect(analyzed()).toBe(2);
      // A collection grown by more than a fifth is analyzed at once, minutes or not.
      await write(1300, 6);
      expect(analyzed()).toBe(3);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a compound index over two scalar fields and pages one value of the first in the order of the second', async () => {
    const store = (await h.open()) as SqliteReadStore;
    store.ensureIndexes('items', { status: 'scalar', key: 'scalar', 'status,key': 'scalar' });
    const writes = Array.from({ length: 300 }, (_, i) => upsert('items', { _id: `i${String(i).padStart(3, '0')}`, status: ['open', 'closed', 'held'][i % 3], key: `k${(i * 37) % 300}` }));
    await store.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes });
    store.analyze();
    const plan = store.db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM documents WHERE collection = 'items' AND json_extract(body, '$.status') = 'held' ORDER BY json_extract(body, '$.key'), collection, id LIMIT 5")
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join(' | ');
    expect(plan).toContain('ix_items__status__key');
    const page = await store.find('items', { status: { $in: ['held'] } }, { sort: { key: 1 }, skip: 10, limit: 5, hint: 'status,key' });
    const expected = writes
      .map((w) => (w as unknown as { doc: { _id: string; status: string; key: string } }).doc)
      .filter((d) => d.status === 'held')
      .sort((x, y) => x.key.localeCompare(y.key))
      .slice(10, 15);
    expect(page).toEqual(expected);
    expect(() => store.ensureIndexes('items', { 'status,tags': 'array' })).toThrow(/only scalar fields/);
    await store.close();
  });

  it('sees what another connection committed at once', async () => {
    const a = (await h.open()) as SqliteReadStore;
    const b = (await h.reopen()) as SqliteReadStore;
    await a.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes: [upsert('docs', { _id: 'x', n: 1 })] });
    expect(await b.get('docs', 'x')).toEqual({ _id: 'x', n: 1 });
    await b.commit({ projection: 'p', version: 1, fromPosition: 1, toPosition: 2, writes: [upsert('docs', { _id: 'x', n: 2 })] });
    expect(await a.find('docs', { n: 2 })).toEqual([{ _id: 'x', n: 2 }]);
    await b.reset('p', ['docs']);
    expect(await a.count('docs')).toBe(0);
    expect(await a.checkpoint('p')).toBeNull();
    // a's next commit starts from the reset checkpoint; a stale one is refused.
    await expect(
      a.commit({ projection: 'p', version: 1, fromPosition: 2, toPosition: 3, writes: [upsert('docs', { _id: 'y' })] }),
    ).rejects.toThrow(/checkpoint/);
    expect(await b.count('docs')).toBe(0);
    await a.close();
    await b.close();
  });

  it('records the position that last wrote each document', async () => {
    const store = (await h.open()) as SqliteReadStore;
    await store.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 7, writes: [upsert('docs', { _id: 'x' })] });
    expect(store.db.prepare('SELECT position FROM documents WHERE id = ?').pluck().get('x')).toBe(7);
    await store.close();
  });

  it('indexes the elements of declared array fields: backfilled, kept up by every connection, cleared on reset', async () => {
    const a = (await h.open()) as SqliteReadStore;
    await a.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes: [upsert('docs', { _id: 'x', tags: ['a', 1] }), upsert('docs', { _id: 'y', tags: ['b', true] })] });
    a.ensureIndexes('docs', { tags: 'array' });
    const values = () => a.db.prepare("SELECT id, value FROM array_values WHERE collection = 'docs' ORDER BY id, value").all();
    expect(values()).toEqual([
      { id: 'x', value: 1 },
      { id: 'x', value: 'a' },
      { id: 'y', value: 'b' },
    ]);
    // A connection that never declared the field still keeps its elements indexed.
    const b = (await h.reopen()) as SqliteReadStore;
    await b.commit({ projection: 'p', version: 1, fromPosition: 1, toPosition: 2, writes: [upsert('docs', { _id: 'x', tags: ['c'] }), remove('docs', 'y')] });
    expect(values()).toEqual([{ id: 'x', value: 'c' }]);
    expect(await a.find('docs', { tags: 'c' })).toEqual([{ _id: 'x', tags: ['c'] }]);
    expect(await a.find('docs', { tags: { $in: ['a', 'b'] } })).toEqual([]);
    const plan = a.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM array_values WHERE collection = 'docs' AND field = 'tags' AND value = 'c'").all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/USING (PRIMARY KEY|COVERING INDEX)/);
    await b.reset('p', ['docs']);
    expect(values()).toEqual([]);
    await a.close();
    await b.close();
  });

  it('inserts the documents of a collection written once without looking for stored ones, and stores one found stored as any other write', async () => {
    const store = (await h.open()) as SqliteReadStore;
    store.ensureIndexes('entries', { units: 'array' });
    const prepared = jest.spyOn(store.db, 'prepare');
    const deletes = jest.spyOn((store as unknown as { stmt: { deleteArrayValues: { run: () => unknown } } }).stmt.deleteArrayValues, 'run');
    let at = 0;
    const commit = (docs: Array<{ _id: string; units: string[] }>) =>
      store.commit({ projection: 'p', version: 1, fromPosition: at, toPosition: ++at, writes: docs.map((d) => upsert('entries', d)), writtenOnce: ['entries'] });
    await commit([
      { _id: 'e1', units: ['u1', 'u2'] },
      { _id: 'e2', units: ['u2'] },
    ]);
    await commit([{ _id: 'e3', units: ['u3'] }]);
    // Neither the stored arrays compared (a statement made on first use) nor element rows deleted.
    expect(prepared.mock.calls.filter(([sql]) => sql.includes('IS json_extract'))).toEqual([]);
    expect(deletes).not.toHaveBeenCalled();
    expect((await store.find('entries', { units: 'u2' })).map((d) => d._id).sort()).toEqual(['e1', 'e2']);
    // One stored already (a projection that broke its word, or a replay): written as any other, its old elements gone.
    await commit([{ _id: 'e1', units: ['u3'] }]);
    expect(await store.get('entries', 'e1')).toEqual({ _id: 'e1', units: ['u3'] });
    expect((await store.find('entries', { units: 'u3' })).map((d) => d._id).sort()).toEqual(['e1', 'e3']);
    expect((await store.find('entries', { units: 'u1' })).map((d) => d._id)).toEqual([]);
    expect(await store.count('entries')).toBe(3);
    await store.close();
  });

  it('inserts a batch of documents written once fifty to a statement, with their elements, and one by one when one is stored already', async () => {
    const store = (await h.open()) as SqliteReadStore;
    store.ensureIndexes('entries', { units: 'array', tags: 'array' });
    const one = jest.spyOn((store as unknown as { stmt: { upsert: { run: () => unknown } } }).stmt.upsert, 'run');
    const prepared = jest.spyOn(store.db, 'prepare');
    let at = 0;
    const commit = (docs: Array<{ _id: string; units: string[]; tags?: string[] }>) =>
      store.commit({ projection: 'p', version: 1, fromPosition: at, toPosition: ++at, writes: docs.map((d) => upsert('entries', d)), writtenOnce: ['entries'] });
    const entry = (i: number) => ({ _id: `e${String(i).padStart(3, '0')}`, units: [`u${i % 3}`, `u${i % 5}`], tags: [`t${i % 2}`] });
    await commit(Array.from({ length: 120 }, (_, i) => entry(i)));
    expect(one).not.toHaveBeenCalled();
    const inserts = prepared.mock.calls.map(([sql]) => sql).filter((sql) => sql.startsWith('INSERT INTO documents'));
    // 120 as 50, 50 and 20 documents a statement.
    expect(inserts.map((sql) => sql.split('(?, ?, ?, ?)').length - 1).sort()).toEqual([20, 50]);
    expect(await store.count('entries')).toBe(120);
    const ids = async (filter: Record<string, unknown>) => (await store.find('entries', filter)).map((d) => d._id).sort();
    const expected = (test: (i: number) => boolean) => Array.from({ length: 120 }, (_, i) => i).filter(test).map((i) => entry(i)._id);
    expect(await ids({ units: 'u4' })).toEqual(expected((i) => i % 3 === 4 || i % 5 === 4));
    expect(await ids({ tags: 't1' })).toEqual(expected((i) => i % 2 === 1));
    // A batch with one stored already, and one written twice: each written as the writes say, in order.
    await commit([{ _id: 'n1', units: ['x'] }, { _id: 'e007', units: ['moved'] }, { _id: 'n2', units: ['x'] }, { _id: 'n1', units: ['y'] }]);
    expect(await store.get('entries', 'e007')).toEqual({ _id: 'e007', units: ['moved'] });
    expect(await store.get('entries', 'n1')).toEqual({ _id: 'n1', units: ['y'] });
    expect(await ids({ units: 'moved' })).toEqual(['e007']);
    expect(await ids({ units: 'x' })).toEqual(['n2']);
    expect(await ids({ units: 'y' })).toEqual(['n1']);
    expect(await ids({ tags: 't1' })).toEqual(expected((i) => i % 2 === 1 && i !== 7));
    expect(await store.count('entries')).toBe(122);
    await store.close();
  });

  it('leaves the element rows of a rewritten document alone while its arrays stay as stored', async () => {
    const store = (await h.open()) as SqliteReadStore;
    store.ensureIndexes('tagged', { tags: 'array', units: 'array' });
    const doc = (i: number, change: Record<string, unknown> = {}) => ({ _id: `d${String(i).padStart(4, '0')}`, tags: [`t${i % 7}`, `t${i % 11}`], units: [`u${i % 13}`], note: '', ...change });
    let at = 0;
    const write = (collection: string, docs: Record<string, unknown>[]) =>
      store.commit({ projection: 'p', version: 1, fromPosition: at, toPosition: ++at, writes: docs.map((d) => upsert(collection, d as { _id: string })) });
    // The same documents where no array is declared: what rewriting their rows alone writes.
    await write('tagged', Array.from({ length: 6000 }, (_, i) => doc(i)));
    await write('plain', Array.from({ length: 6000 }, (_, i) => doc(i)));
    store.db.pragma('wal_autocheckpoint = 0');
    const walFile = `${store.db.name}-wal`;
    const pagesOf = async (collection: string, docs: Record<string, unknown>[]) => {
      store.db.pragma('wal_checkpoint(TRUNCATE)');
      await write(collection, docs);
      return (statSync(walFile).size - 32) / (8192 + 24);
    };
    const rewritten = Array.from({ length: 40 }, (_, j) => j * 149);
    const noted = rewritten.map((i) => doc(i, { note: `第${i}次进展` }));
    const plain = await pagesOf('plain', noted);
    const kept = await pagesOf('tagged', noted);
    const moved = await pagesOf('tagged', rewritten.map((i) => doc(i, { tags: ['moved'], note: '已移交' })));
    expect(kept).toBeLessThanOrEqual(plain + 1);
    expect(moved).toBeGreaterThan(kept * 2);
    expect((await store.find('tagged', { tags: 'moved' })).map((d) => d._id)).toEqual(rewritten.map((i) => doc(i)._id));
    expect(await store.count('tagged', { tags: 't3' })).toBe(Array.from({ length: 6000 }, (_, i) => i).filter((i) => !rewritten.includes(i) && (i % 7 === 3 || i % 11 === 3)).length);
    expect(await store.count('tagged', { units: 'u0' })).toBe(Array.from({ length: 6000 }, (_, i) => i).filter((i) => i % 13 === 0).length);
    await store.close();
  });

  it('lets a hint drive the query by a declared field\'s index, with the same answers', async () => {
    const store = (await h.open()) as SqliteReadStore;
    store.ensureIndexes('items', { key: 'scalar', kind: 'scalar', tags: 'array' });
    const docs = Array.from({ length: 60 }, (_, i) => ({ _id: `i${String(i).padStart(2, '0')}`, key: `k${(i * 37) % 60}`, kind: i % 3 === 0 ? 'rare' : 'common', tags: [`t${i % 4}`] }));
    await store.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes: docs.map((d) => upsert('items', d)) });
    const prepared = jest.spyOn(store.db, 'prepare');
    for (const filter of [{}, { kind: 'common' }, { kind: 'rare', tags: 't0' }, { key: { $gt: 'k3' } }, { $or: [{ kind: 'rare' }, { tags: 't1' }] }]) {
      for (const limit of [Infinity, 5]) {
        const plain = await store.count('items', filter, { limit });
        expect(await store.count('items', filter, { limit, hint: 'key' })).toBe(plain);
        expect(await store.count('items', filter, { limit, hint: 'undeclared' })).toBe(plain);
      }
      for (const page of [{}, { skip: 5, limit: 7 }]) {
        const plain = await store.find('items', filter, { sort: { key: -1 }, ...page });
        expect(await store.find('items', filter, { sort: { key: -1 }, ...page, hint: 'key' })).toEqual(plain);
        expect(await store.find('items', filter, { sort: { key: -1 }, ...page, hint: 'undeclared' })).toEqual(plain);
      }
    }
    // A range of the hinted field is counted on its index.
    expect(prepared.mock.calls.map(([sql]) => sql)).toContainEqual(expect.stringMatching(/count\(\*\).*INDEXED BY "ix_items__key".*'\$\.key'\) > \?/));
    prepared.mockRestore();
    const sql = store.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM documents INDEXED BY "ix_items__key" WHERE collection = 'items'`).all();
    expect(JSON.stringify(sql)).toContain('ix_items__key');
    await store.close();
  });
});
