import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryReadStore } from '../memory/in-memory-read-store';
import { AnyDocument, Filter, SortSpec, upsert } from '../read-store.port';
import { recordStatements } from '../testing/statements-run';
import { SqliteReadStore } from './sqlite-read-store';

/**
 * The SQLite store answers part of a filter in SQL and the rest with mingo; whatever it pushes
 * down, its answers must be exactly the in-memory (pure mingo) store's, declared shapes or not.
 */
const STRINGS = ['a', 'b', 'c', 'd'];
const doc = fc.record(
  {
    s: fc.constantFrom(...STRINGS),
    n: fc.integer({ min: 0, max: 6 }),
    flag: fc.boolean(),
    at: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'),
    tags: fc.uniqueArray(fc.constantFrom(...STRINGS), { maxLength: 3 }),
    nested: fc.record({ x: fc.integer({ min: 0, max: 3 }) }),
    loose: fc.oneof(fc.constantFrom(...STRINGS), fc.array(fc.constantFrom(...STRINGS), { maxLength: 2 }), fc.integer({ min: 0, max: 3 })),
  },
  { requiredKeys: ['s', 'tags', 'at'] },
);

const value = (field: string): fc.Arbitrary<string | number | boolean> =>
  field === 'n' || field === 'nested.x' ? fc.integer({ min: -1, max: 7 }) : field === 'flag' ? fc.boolean() : field === 'at' ? fc.constantFrom('2026-01-15', '2026-02-01T00:00:00.000Z', '2027') : fc.constantFrom(...STRINGS, 'z');

const FIELDS = ['s', 'n', 'flag', 'at', 'tags', 'nested.x', 'loose', '_id'];
const condition = fc.constantFrom(...FIELDS).chain((field) =>
  fc.oneof(
    value(field).map((v) => ({ [field]: v })),
    fc.array(value(field), { maxLength: 3 }).map((vs) => ({ [field]: { $in: vs } })),
    fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), value(field)).map(([op, v]) => ({ [field]: { [op]: v } })),
    value(field).map((v) => ({ [field]: { $ne: v } })),
    fc.boolean().map((b) => ({ [field]: { $exists: b } })),
  ),
);
const filter: fc.Arbitrary<Filter> = fc.oneof(
  fc.array(condition, { maxLength: 3 }).map((cs) => Object.assign({}, ...cs)),
  fc.array(condition, { minLength: 1, maxLength: 3 }).map((cs) => ({ $and: cs })),
  fc.array(condition, { minLength: 1, maxLength: 2 }).map((cs) => ({ $or: cs })),
);
const sort: fc.Arbitrary<SortSpec | undefined> = fc.option(
  fc.uniqueArray(fc.constantFrom('s', 'n', 'at', 'nested.x', 'tags'), { minLength: 1, maxLength: 2 }).chain((keys) =>
    fc.tuple(...keys.map(() => fc.constantFrom<1 | -1>(1, -1))).map((dirs) => Object.fromEntries(keys.map((k, i) => [k, dirs[i]]))),
  ),
  { nil: undefined },
);

describe('SQLite read store queries agree with mingo', () => {
  it.each([
    ['with declared field shapes', true, false],
    // Statistics make common array values checked per document instead of looked up.
    ['with declared field shapes and planner statistics', true, true],
    ['without declarations', false, false],
  ])('%s', async (_, declare, analyzed) => {
    await fc.assert(
      fc.asyncProperty(fc.array(doc, { maxLength: 25 }), filter, sort, fc.nat(5), fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }), async (docs, f, s, skip, limit) => {
        const sqlite = new SqliteReadStore({ file: ':memory:' });
        const memory = new InMemoryReadStore();
        if (declare) sqlite.ensureIndexes('items', { s: 'scalar', n: 'scalar', flag: 'scalar', at: 'scalar', 'nested.x': 'scalar', tags: 'array' });
        const writes = docs.map((d, i) => upsert('items', { _id: `d${String(i).padStart(2, '0')}`, ...d } as AnyDocument));
        for (const store of [sqlite, memory]) await store.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes });
        if (analyzed) {
          sqlite.db.exec('ANALYZE');
          sqlite.analyze();
        }
        try {
          const options = { sort: s, skip, limit };
          expect(await sqlite.find('items', f, options)).toEqual(await memory.find('items', f, options));
          expect(await sqlite.count('items', f)).toBe(await memory.count('items', f));
        } finally {
          await sqlite.close();
          await memory.close();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('uses the declared expression indexes for equality and ranges', async () => {
    const sqlite = new SqliteReadStore({ file: ':memory:' });
    sqlite.ensureIndexes('audit', { position: 'scalar', streamId: 'scalar' });
    const writes = Array.from({ length: 3000 }, (_, i) => upsert('audit', { _id: `e${i}`, position: i, streamId: `s${i % 300}` }));
    await sqlite.commit({ projection: 'audit', version: 1, fromPosition: 0, toPosition: 3000, writes });
    sqlite.analyze();
    const plan = sqlite.db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM documents WHERE collection = 'audit' AND json_extract(body, '$.position') > ? ORDER BY json_extract(body, '$.position') LIMIT 10`)
      .all(5) as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toContain('ix_audit__position');
    expect(await sqlite.find('audit', { position: { $gt: 2990 } }, { sort: { position: 1 }, limit: 3 })).toEqual([
      { _id: 'e2991', position: 2991, streamId: 's291' },
      { _id: 'e2992', position: 2992, streamId: 's292' },
      { _id: 'e2993', position: 2993, streamId: 's293' },
    ]);
    await sqlite.close();
  });

  it('compares the fields of a compound index as declared scalars, and drops an index no longer declared', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compound-'));
    const file = join(dir, 'read.sqlite');
    try {
      const before = new SqliteReadStore({ file });
      before.ensureIndexes('trail', { type: 'scalar', 'type,position': 'scalar' });
      const writes = Array.from({ length: 2000 }, (_, i) => upsert('trail', { _id: `e${i}`, position: i, type: `t${i % 20}` }));
      await before.commit({ projection: 'trail', version: 1, fromPosition: 0, toPosition: 2000, writes });
      await before.close();

      const store = new SqliteReadStore({ file });
      store.ensureIndexes('trail', { 'type,position': 'scalar' });
      const indexes = store.db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents'").pluck().all();
      expect(indexes).toContain('ix_trail__type__position');
      expect(indexes).not.toContain('ix_trail__type');
      const prepare = store.db.prepare.bind(store.db);
      const ran: string[] = [];
      jest.spyOn(store.db, 'prepare').mockImplementation(((sql: string) => (ran.push(sql), prepare(sql))) as typeof store.db.prepare);
      const found = await store.find('trail', { type: { $in: ['t3', 't4'] } }, { sort: { position: 1 }, limit: 3 });
      expect(found.map((d) => d._id)).toEqual(['e3', 'e4', 'e23']);
      const select = ran.find((sql) => sql.startsWith('SELECT id, body'))!;
      // Exact in SQL on the index's first column: not an element test of a field of unknown shape.
      expect(select).toContain("json_extract(body, '$.type') IN (?, ?)");
      const plan = prepare(`EXPLAIN QUERY PLAN ${select}`).all('t3', 't4') as { detail: string }[];
      expect(plan.map((r) => r.detail).join(' ')).toContain('ix_trail__type__position');
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Items of a few kinds, most of them unresolved, each from one of thousands of sources: a search
 * for one source's open items of one kind must start from the source, not from the kind or the flag,
 * whose values each hold thousands of documents.
 */
describe('SQLite read store statistics pick the selective index', () => {
  const FIELDS = { kind: 'scalar', source: 'scalar', resolved: 'scalar', keys: 'array' } as const;
  const items = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, k) => {
      const i = from + k;
      return upsert('items', { _id: `i${i}`, kind: i % 5 === 0 ? 'transition' : 'warning', source: `s${i % 4000}`, resolved: i % 7 === 0, keys: ['any', `at:u${i % 50}`] });
    });
  const indexOf = (store: SqliteReadStore) =>
    (
      store.db
        .prepare(`EXPLAIN QUERY PLAN SELECT id FROM documents WHERE collection = 'items' AND json_extract(body, '$.source') = ? AND json_extract(body, '$.kind') = ? AND json_extract(body, '$.resolved') = ?`)
        .all('s1', 'transition', 0) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' ');
  const statistics = (store: SqliteReadStore) => ({
    stat1: store.db.prepare("SELECT idx, stat FROM sqlite_stat1 WHERE idx LIKE 'ix%items%' ORDER BY idx").all(),
    stat4: store.db.prepare("SELECT idx, count(*) AS samples FROM sqlite_stat4 WHERE idx LIKE 'ix%items%' GROUP BY idx ORDER BY idx").all(),
  });
  /** A store in a file, twenty thousand items written and analyzed. */
  const analyzedStore = async () => {
    const file = join(dir, 'read.sqlite');
    const first = new SqliteReadStore({ file });
    first.ensureIndexes('items', FIELDS);
    await first.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes: items(0, 20_000) });
    first.analyze();
    return { file, first };
  };
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'plan-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('after the store is closed and opened again, with the statistics it took', async () => {
    const { file, first } = await analyzedStore();
    const taken = statistics(first);
    await first.close();
    const again = new SqliteReadStore({ file });
    again.ensureIndexes('items', FIELDS);
    // Closing used to let SQLite's "optimize" analyze again with a sample: rough figures, no STAT4.
    expect(statistics(again)).toEqual(taken);
    expect(indexOf(again)).toContain('ix_items__source');
    await again.close();
  });

  it('reach a connection that loaded the figures before another connection took new ones', async () => {
    const file = join(dir, 'read.sqlite');
    // The projector thread's connection writes and analyzes; the API's only reads.
    const writer = new SqliteReadStore({ file });
    writer.ensureIndexes('items', FIELDS);
    // At first every item has one source and a kind of its own: the kind is the selective index.
    const early = Array.from({ length: 200 }, (_, i) => upsert('items', { _id: `e${i}`, kind: `k${i}`, source: 's1', resolved: false, keys: ['any', 'at:u0'] }));
    await writer.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes: early });
    writer.analyze();
    const reader = new SqliteReadStore({ file });
    reader.ensureIndexes('items', FIELDS);
    const statements: string[] = [];
    const prepare = reader.db.prepare.bind(reader.db);
    jest.spyOn(reader.db, 'prepare').mockImplementation(((sql: string) => (statements.push(sql), prepare(sql))) as typeof reader.db.prepare);
    const lastSelect = () => statements.filter((sql) => sql.startsWith('SELECT id, body')).pop() ?? '';
    await reader.find('items', { keys: 'at:u0' });
    expect(indexOf(reader)).not.toContain('ix_items__source');
    // Every item holds at:u0: checked per item, not looked up.
    expect(lastSelect()).not.toContain('id IN (SELECT id FROM array_values');

    await writer.reset('p', ['items']);
    await writer.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes: items(0, 20_000) });
    writer.analyze();
    expect(await reader.find('items', { keys: 'at:u0', source: 's50' })).toHaveLength(5);
    expect(indexOf(reader)).toContain('ix_items__source');
    // Now one item in fifty holds it: looked up in its index.
    expect(lastSelect()).toContain('id IN (SELECT id FROM array_values');
    await reader.close();
    await writer.close();
  });

  it('taken again in full where an earlier version left figures taken from a sample', async () => {
    const { file, first } = await analyzedStore();
    const full = statistics(first);
    // What "PRAGMA optimize" at close did: ANALYZE under a temporary analysis_limit.
    first.db.exec('PRAGMA analysis_limit = 100; ANALYZE documents; ANALYZE array_values; PRAGMA analysis_limit = 0');
    expect(statistics(first)).not.toEqual(full);
    await first.close();
    const again = new SqliteReadStore({ file });
    again.ensureIndexes('items', FIELDS);
    expect(statistics(again)).toEqual(full);
    await again.close();
  });

  it('taken again for the searches of a rebuild refilling the collection, not kept from what it held before', async () => {
    const store = new SqliteReadStore({ file: join(dir, 'read.sqlite') });
    store.ensureIndexes('items', FIELDS);
    await store.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes: items(0, 40_000) });
    store.analyze();
    await store.reset('p', ['items']);
    await store.beginBulkLoad(['items']);
    for (let n = 0; n < 10; n++) {
      await store.commit({ projection: 'p', version: 1, fromPosition: n, toPosition: n + 1, writes: items(n * 1000, (n + 1) * 1000) });
      // As the inbox does between its commits: one stream's open items of one kind.
      await store.find('items', { source: `s${n}`, kind: 'transition', resolved: false });
    }
    const sourceStat = () => (store.db.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'ix_items__source'").get() as { stat: string }).stat;
    expect(Number(sourceStat().split(' ')[0])).toBeGreaterThanOrEqual(8000);
    expect(Number(sourceStat().split(' ')[0])).toBeLessThanOrEqual(10_000);
    await store.close();
  });

  it('for the searches of a rebuild filling the collection from nothing', async () => {
    const store = new SqliteReadStore({ file: join(dir, 'read.sqlite') });
    store.ensureIndexes('items', FIELDS);
    await store.beginBulkLoad(['items']);
    for (let n = 0; n < 20; n++) {
      await store.commit({ projection: 'p', version: 1, fromPosition: n, toPosition: n + 1, writes: items(n * 1000, (n + 1) * 1000) });
      // As the inbox does between its commits: one stream's open items of one kind.
      await store.find('items', { source: `s${n}`, kind: 'transition', resolved: false });
    }
    expect(indexOf(store)).toContain('ix_items__source');
    await store.finishBulkLoad(['items']);
    expect(indexOf(store)).toContain('ix_items__source');
    await store.close();
  });
});

/**
 * Membership of most of a declared array's values (a city-wide or a supervision group's scope over
 * the units an entry names) is tested per document: its own elements read by key and looked up in
 * the set, never the field's index probed once per value, nor every element below a bound joined.
 */
describe('SQLite read store tests a broad membership on each document', () => {
  it('reads each document\'s elements by its key, for a page and for a bounded count', async () => {
    const store = new SqliteReadStore({ file: ':memory:' });
    try {
      store.ensureIndexes('entries', { units: 'array', position: 'scalar' });
      const units = (i: number) => (i % 11 === 0 ? [] : [`u${i % 300}`, ...(i % 3 === 0 ? [`u${(i + 7) % 300}`] : [])]);
      const docs = Array.from({ length: 12_000 }, (_, i) => ({ _id: String(i).padStart(8, '0'), position: i, units: units(i) }));
      await store.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes: docs.map((d) => upsert('entries', d)) });
      store.analyze();
      const { ran, planOf } = recordStatements(store);
      const wanted = Array.from({ length: 250 }, (_, k) => `u${k}`);
      const filter: Filter = { units: { $in: wanted }, _id: { $lte: '00011000' } };
      const expected = docs.filter((d) => d._id <= '00011000' && d.units.some((u) => wanted.includes(u)));
      expect((await store.find('entries', filter, { sort: { _id: -1 }, limit: 40 })).map((d) => d._id)).toEqual(expected.reverse().slice(0, 40).map((d) => d._id));
      const plans = ran.filter((r) => r.sql.includes('EXISTS (SELECT 1 FROM array_values')).map(planOf);
      expect(plans).toHaveLength(1);
      for (const plan of plans) expect(plan).toMatch(/SEARCH v (EXISTS )?USING PRIMARY KEY \(collection=\? AND id=\? AND field=\?\)/);
      // With another condition the count tests each document as the page does; on the key alone it is answered from the elements.
      expect(await store.count('entries', { ...filter, position: { $gte: 0 } }, { limit: 1001 })).toBe(1001);
      const counted = ran.filter((r) => r.sql.startsWith('SELECT count(*) AS n FROM (SELECT 1 FROM documents'));
      expect(counted).toHaveLength(1);
      expect(planOf(counted[0])).toMatch(/SEARCH v (EXISTS )?USING PRIMARY KEY \(collection=\? AND id=\? AND field=\?\)/);
      expect(await store.count('entries', filter, { limit: 1001 })).toBe(1001);
      expect(await store.count('entries', filter)).toBe(expected.length);
    } finally {
      await store.close();
    }
  });
});

describe('SQLite read store looks a narrow membership up within the key range', () => {
  it("bounds the lookup of the values' documents by the filter's conditions on the key", async () => {
    const store = new SqliteReadStore({ file: ':memory:' });
    try {
      store.ensureIndexes('entries', { units: 'array' });
      const docs = Array.from({ length: 12_000 }, (_, i) => ({ _id: String(i).padStart(8, '0'), units: [`u${i % 300}`] }));
      await store.commit({ projection: 'p', version: 1, fromPosition: 0, toPosition: 1, writes: docs.map((d) => upsert('entries', d)) });
      store.analyze();
      const { ran, planOf } = recordStatements(store);
      const wanted = ['u3', 'u17'];
      const filter: Filter = { $and: [{ units: { $in: wanted }, _id: { $lte: '00009000' } }, { _id: { $gt: '00004000' } }] };
      const expected = docs.filter((d) => d._id > '00004000' && d._id <= '00009000' && wanted.includes(d.units[0]));
      expect((await store.find('entries', filter, { sort: { _id: -1 }, limit: 20 })).map((d) => d._id)).toEqual(expected.reverse().slice(0, 20).map((d) => d._id));
      expect(await store.count('entries', filter, { limit: 1001 })).toBe(expected.length);
      // The page's lookup, and the count, answered from the elements alone.
      const lookups = ran.filter((r) => r.sql.includes('FROM array_values') && r.sql.includes('AND id '));
      expect(lookups.map((r) => r.sql.slice(0, 36))).toEqual(['SELECT id, body FROM documents WHERE', 'SELECT count(*) AS n FROM (SELECT DI']);
      for (const run of lookups) {
        expect(run.sql).toContain('value IN (?, ?) AND id <= ? AND id > ?');
        expect(planOf(run)).toMatch(/ixa_entries__units \(value=\? AND collection=\? AND id>\? AND id<\?\)/);
      }
      // Whether to look the values up was decided once, by counting their entries, and kept for the count.
      expect(ran.filter((r) => r.sql.startsWith('SELECT count(*) AS n FROM (SELECT 1 FROM array_values'))).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
