import { InMemoryReadStore, ReadStore, SqliteReadStore, upsert } from '@platform/read-models';
import { recordStatements } from '@platform/read-models/testing/statements-run';
import { AUDIT_EXACT_TOTAL_UP_TO, AuditSearch, searchAudit } from './audit-search';
import { AUDIT_BLOCKS, AUDIT_EVENTS, AuditBlockDoc, auditBlockId, auditEventId, widenBlock } from './audit-trail.documents';
import { auditTrailProjection } from './audit-trail.projection';

const TYPES = ['StepRecorded', 'ProgressRecorded', 'ProblemClosed'];
const UNITS = ['u-1', 'u-2', 'u-3', 'u-4'];

/** Every third entry names two units, some none; positions 1..n in history order. */
const entry = (position: number) => ({
  _id: auditEventId(position),
  position,
  type: TYPES[position % TYPES.length],
  unitIds: position % 7 === 0 ? [] : position % 3 === 0 ? [UNITS[position % 4], UNITS[(position + 1) % 4]] : [UNITS[position % 4]],
});

const search = (after: number, types: string[] = [], limit = 50): AuditSearch => ({
  streamId: null,
  actorId: null,
  types,
  occurredFrom: null,
  occurredTo: null,
  recordedFrom: null,
  recordedTo: null,
  backdated: null,
  order: 'asc',
  after,
  before: null,
  limit,
});

/** Newest first from `before` (null: from the view's position). */
const newest = (before: number | null, types: string[] = [], limit = 50): AuditSearch => ({ ...search(0, types, limit), order: 'desc', before });

/**
 * A narrow scope pages on the key (the position zero-padded), the whole trail on the position: either
 * way a page is the entries in scope after the cursor and up to the view's position, in history order.
 */
describe('a page of the audit trail, whole or in a narrow scope', () => {
  it.each([
    ['SQLite', () => new SqliteReadStore({ file: ':memory:' })],
    ['in-memory', () => new InMemoryReadStore()],
  ])('lists what filtering every entry by position would (%s)', async (_, open) => {
    const store: ReadStore = open();
    try {
      for (const [c, fields] of Object.entries(auditTrailProjection.indexes ?? {})) await store.ensureIndexes?.(c, fields);
      const n = 1300;
      const entries = Array.from({ length: n }, (_, i) => entry(i + 1));
      await store.commit({ projection: 'audit-trail', version: 1, fromPosition: 0, toPosition: n, writes: entries.map((e) => upsert(AUDIT_EVENTS, e)) });
      const scopes = [
        { visible: () => true, ids: null },
        { visible: (u: string) => u === 'u-2', ids: ['u-2'] },
        { visible: (u: string) => u === 'u-1' || u === 'u-3', ids: ['u-1', 'u-3'] },
      ];
      for (const units of scopes) {
        for (const types of [[], ['ProblemClosed']]) {
          for (const [after, until, limit] of [[0, n, 100], [640, n, 50], [1200, 1250, 100], [99, 1000, 7]]) {
            const expected = entries.filter((e) => e.position > after && e.position <= until && (units.ids === null || e.unitIds.some((u) => units.visible(u))) && (!types.length || types.includes(e.type)));
            const page = await searchAudit(store, search(after, types, limit), units, until);
            expect(page.items.map((e) => e.position)).toEqual(expected.slice(0, limit).map((e) => e.position));
            const total = entries.filter((e) => e.position <= until && (units.ids === null || e.unitIds.some((u) => units.visible(u))) && (!types.length || types.includes(e.type))).length;
            expect(page.total ?? page.totalMoreThan! + 1).toBe(total > 1000 ? 1001 : total);
            expect(page.nextAfter).toBe(page.items.length === limit ? page.items[limit - 1].position : null);
            expect(page.nextBefore).toBeNull();
            // Newest first from the cursor `before` (none: from the view's position), the same entries backwards.
            for (const before of [null, after + 1, until]) {
              const backwards = entries
                .filter((e) => e.position <= until && (before === null || e.position < before) && (units.ids === null || e.unitIds.some((u) => units.visible(u))) && (!types.length || types.includes(e.type)))
                .reverse();
              const desc = await searchAudit(store, newest(before, types, limit), units, until);
              expect(desc.items.map((e) => e.position)).toEqual(backwards.slice(0, limit).map((e) => e.position));
              expect(desc.total ?? desc.totalMoreThan! + 1).toBe(total > 1000 ? 1001 : total);
              expect(desc.nextBefore).toBe(desc.items.length === limit ? desc.items[limit - 1].position : null);
              expect(desc.nextAfter).toBeNull();
            }
          }
        }
      }
    } finally {
      await store.close();
    }
  });
});

const everyone = { visible: () => true, ids: null };

async function trailOf(n: number): Promise<InMemoryReadStore> {
  const store = new InMemoryReadStore();
  const writes = Array.from({ length: n }, (_, i) =>
    upsert(AUDIT_EVENTS, { _id: auditEventId(i + 1), position: i + 1, type: i % 2 ? 'ProgressRecorded' : 'StepRecorded', unitIds: ['u-1'] }),
  );
  await store.commit({ projection: 'audit-trail', version: 1, fromPosition: 0, toPosition: n, writes });
  return store;
}

describe('a page of the audit trail', () => {
  it('counts the matching entries exactly up to the bound, and beyond it says "more than" instead of counting the history', async () => {
    const few = await searchAudit(await trailOf(AUDIT_EXACT_TOTAL_UP_TO), search(0), everyone, AUDIT_EXACT_TOTAL_UP_TO);
    expect(few).toMatchObject({ total: AUDIT_EXACT_TOTAL_UP_TO, totalMoreThan: null, nextAfter: 50 });
    const store = await trailOf(AUDIT_EXACT_TOTAL_UP_TO + 200);
    const many = await searchAudit(store, search(1100), everyone, AUDIT_EXACT_TOTAL_UP_TO + 200);
    expect(many).toMatchObject({ total: null, totalMoreThan: AUDIT_EXACT_TOTAL_UP_TO, nextAfter: 1150 });
    expect(many.items.map((e) => e.position)).toEqual(Array.from({ length: 50 }, (_, i) => 1101 + i));
    // Bounded by the view's position: what was recorded later is neither listed nor counted.
    expect(await searchAudit(store, search(0), everyone, 30)).toMatchObject({ total: 30, totalMoreThan: null, nextAfter: null });
  });
});

type TimedEntry = { _id: string; position: number; occurredAt: string; recordedAt: string };

/** The blocks' times the projection keeps beside these entries. */
function blocksOf(entries: readonly TimedEntry[]): AuditBlockDoc[] {
  const blocks = new Map<string, AuditBlockDoc>();
  for (const e of entries) blocks.set(auditBlockId(e.position), widenBlock(blocks.get(auditBlockId(e.position)) ?? null, e));
  return [...blocks.values()];
}

/** An embedded trail of these entries with their blocks, indexed as the projection declares and analyzed. */
async function analyzedTrail(entries: readonly TimedEntry[]): Promise<SqliteReadStore> {
  const store = new SqliteReadStore({ file: ':memory:' });
  for (const [c, fields] of Object.entries(auditTrailProjection.indexes ?? {})) store.ensureIndexes(c, fields);
  const writes = [...entries.map((e) => upsert(AUDIT_EVENTS, e)), ...blocksOf(entries).map((b) => upsert(AUDIT_BLOCKS, b))];
  await store.commit({ projection: 'audit-trail', version: 1, fromPosition: 0, toPosition: entries.length, writes });
  store.analyze();
  return store;
}

/**
 * A time range over a broad scope that many entries match: the page walks the trail in its order
 * through the blocks whose times overlap the range, never from the cursor through the entries before
 * the range, nor reading the whole range to sort it.
 */
describe('a page of a time range', () => {
  const n = 6_500;
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString();
  // Times rise with positions; every 97th entry claims a time an hour before it was recorded, and
  // position 5,500 one two thousand minutes back, so a later block overlaps an earlier range.
  const occurred = (p: number) => (p === 5_500 ? p - 2_000 : p % 97 === 0 ? p - 60 : p);
  // Every tenth entry is a small unit's alone: few enough that its entries are looked up by the unit.
  const entries = Array.from({ length: n }, (_, i) => ({ ...entry(i + 1), ...((i + 1) % 10 === 0 ? { unitIds: ['u-9'] } : {}), occurredAt: at(occurred(i + 1)), recordedAt: at(i + 1) }));
  const broad = { visible: (u: string) => u !== 'u-4', ids: ['u-1', 'u-2', 'u-3', 'u-9'] };
  const small = { visible: (u: string) => u === 'u-9', ids: ['u-9'] };
  const inRange = (range: Partial<AuditSearch>) => (e: (typeof entries)[number]) =>
    (!range.occurredFrom || e.occurredAt >= range.occurredFrom) &&
    (!range.occurredTo || e.occurredAt <= range.occurredTo) &&
    (!range.recordedFrom || e.recordedAt >= range.recordedFrom) &&
    (!range.recordedTo || e.recordedAt <= range.recordedTo);

  it('lists what filtering every entry would, in both orders, from any cursor', async () => {
    const store = await analyzedTrail(entries);
    try {
      const { ran } = recordStatements(store);
      const cases: Array<Partial<AuditSearch>> = [
        { occurredFrom: at(3_400), occurredTo: at(3_600) },
        { occurredFrom: at(1), occurredTo: at(2_500) },
        { occurredFrom: at(5_000) },
        { occurredTo: at(1_500) },
        { recordedFrom: at(2_000), recordedTo: at(4_100) },
        { occurredFrom: at(100), recordedTo: at(5_000) },
      ];
      const one = { visible: (u: string) => u === 'u-2', ids: ['u-2'] };
      for (const range of cases) {
        const long = entries.filter(inRange(range)).length > 2_000;
        for (const [units, broadScope] of [[everyone, true], [broad, true], [one, false], [small, false]] as const) {
          const matches = entries.filter((e) => inRange(range)(e) && (units.ids === null || e.unitIds.some((u) => units.visible(u))));
          const positions = matches.map((e) => e.position);
          for (const [order, cursor] of [['asc', 0], ['asc', positions[40]], ['asc', positions[positions.length - 30]], ['desc', null], ['desc', positions[positions.length - 10]], ['desc', positions[25]]] as const) {
            ran.length = 0;
            const q = { ...search(0), ...range, order, ...(order === 'asc' ? { after: cursor ?? 0 } : { before: cursor }) };
            const page = await searchAudit(store, q, units, n, { broadScope });
            const expected = order === 'asc' ? positions.filter((p) => p > (cursor ?? 0)) : positions.filter((p) => cursor === null || p < cursor).reverse();
            expect([JSON.stringify(q), page.items.map((e) => e.position)]).toEqual([JSON.stringify(q), expected.slice(0, 50)]);
            expect(page.total ?? page.totalMoreThan! + 1).toBe(Math.min(positions.length, 1001));
            // Many matches, or a small scope's long range: each page's statement is bounded below by a run
            // of blocks, not only by the cursor.
            if ((broadScope && positions.length > AUDIT_EXACT_TOTAL_UP_TO) || (!broadScope && long)) {
              const pages = ran.filter((r) => r.sql.includes("collection = 'audit_events'") && r.sql.includes('ORDER BY'));
              expect(pages.length).toBeGreaterThan(0);
              for (const p of pages) expect(p.sql).toMatch(/(\bid|json_extract\(body, '\$\.position'\)) >= \?/);
            }
          }
        }
      }
    } finally {
      await store.close();
    }
  });

  it('walks only the blocks of the range: a range in the middle of the trail reads its own entries', async () => {
    const store = await analyzedTrail(entries);
    try {
      const { ran } = recordStatements(store);
      // 2,200-3,900 lies in blocks 2 and 3; block 5 overlaps it too, through position 5,500's claimed time.
      const page = await searchAudit(store, { ...search(0), order: 'desc', occurredFrom: at(2_200), occurredTo: at(3_900) }, broad, n, { broadScope: true });
      expect(page.totalMoreThan).toBe(AUDIT_EXACT_TOTAL_UP_TO);
      expect(page.items[0].position).toBe(5_500);
      expect(page.items[1].position).toBeLessThanOrEqual(3_900);
      const bounds = ran.filter((r) => r.sql.includes("collection = 'audit_events'") && r.sql.includes('ORDER BY')).map((r) => r.params.filter((v) => typeof v === 'string' && /^\d{16}$/.test(v)).map(Number));
      expect(bounds).toEqual([
        [5_999, 5_000],
        [3_999, 2_000],
      ]);
      // A small scope's long range (blocks 0-3 and 5): counted and paged run by run, each run's bounds inside the lookup of
      // the scope's entries, so SQLite reads only the entries of its units within the run.
      ran.length = 0;
      const mid = { occurredFrom: at(1), occurredTo: at(3_900) };
      const own = await searchAudit(store, { ...search(0), order: 'desc', ...mid }, small, n, { broadScope: false });
      expect(own.items.map((e) => e.position)).toEqual(entries.filter((e) => inRange(mid)(e) && e.unitIds.includes('u-9')).map((e) => e.position).reverse().slice(0, 50));
      expect(own.items[0].position).toBe(5_500);
      const lookups = ran.filter((r) => r.sql.includes('FROM documents') && r.sql.includes('FROM array_values'));
      // Counted over both runs, paged over the first and then the second.
      expect(lookups).toHaveLength(4);
      for (const r of lookups) expect(r.sql).toMatch(/field = 'unitIds' AND value IN \(\?\) AND id <= \? AND id >= \?\)/);
    } finally {
      await store.close();
    }
  });
});

/**
 * Every statement a search of the trail runs, whatever its filters and scope, reads the documents
 * through an index (the collection's key, or a declared field's), never by scanning the table;
 * a search by event type alone goes through type,position, the type having no index of its own.
 */
describe('the audit trail searches in SQLite', () => {
  it('read the documents through an index for every filter and scope', async () => {
    const n = 3000;
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
    const entries = Array.from({ length: n }, (_, i) => ({
      ...entry(i + 1),
      streamId: `problem-${(i + 1) % 150}`,
      actor: { userId: `user-${(i + 1) % 40}`, role: 'office', unitId: null },
      occurredAt: at(i + 1 - ((i + 1) % 50 === 0 ? 48 : 0)),
      recordedAt: at(i + 1),
      backdated: (i + 1) % 50 === 0,
    }));
    const store = await analyzedTrail(entries);
    try {
      const { ran, planOf } = recordStatements(store);
      const searches: Array<Partial<AuditSearch>> = [
        {},
        { types: ['StepRecorded'] },
        { types: ['StepRecorded', 'ProblemClosed'] },
        { streamId: 'problem-7' },
        { actorId: 'user-3' },
        { streamId: 'problem-7', types: ['ProblemClosed'] },
        { occurredFrom: at(2000), occurredTo: at(2100) },
        { recordedFrom: at(2500) },
        { backdated: true },
        { after: 2800 },
        { order: 'desc' },
        { order: 'desc', before: 2800 },
        { order: 'desc', types: ['StepRecorded'] },
        { order: 'desc', types: ['StepRecorded', 'ProblemClosed'], before: 1500 },
        { order: 'desc', actorId: 'user-3' },
      ];
      const scopes = [everyone, { visible: (u: string) => u === 'u-2', ids: ['u-2'] }];
      const plans: string[] = [];
      for (const q of searches) {
        for (const units of scopes) {
          ran.length = 0;
          await searchAudit(store, { ...search(0), ...q }, units, n);
          for (const run of ran.filter((r) => r.sql.includes('FROM documents') || r.sql.startsWith('SELECT count(*) AS n FROM (SELECT DISTINCT id FROM array_values'))) plans.push(`${JSON.stringify(q)} ${units.ids ? 'one unit' : 'whole'}: ${planOf(run)}`);
          // Newest first from a cursor, the page has one upper bound, the tighter one: given the view's
          // position as well, SQLite ranged over that one and walked every later entry down to the cursor.
          if (q.order === 'desc' && q.before !== undefined) {
            const pages = ran.filter((r) => r.sql.includes('ORDER BY'));
            expect(pages.length).toBeGreaterThan(0);
            for (const page of pages) expect(page.sql.match(/(\bid|json_extract\(body, '\$\.position'\)) <=? \?/g)).toHaveLength(1);
          }
        }
      }
      expect(plans.length).toBeGreaterThanOrEqual(searches.length * scopes.length * 2);
      expect(plans.filter((p) => /SCAN (documents|array_values)/.test(p))).toEqual([]);
      expect(plans.filter((p) => p.startsWith('{"types":["StepRecorded"]} whole')).join(' ')).toContain('ix_audit_events__type__position');
      // A small scope's backdated entries are found through their own index, named, not left to SQLite,
      // which cannot tell how many entries the scope's units hold (a district's 32,287 at city scale).
      ran.length = 0;
      await searchAudit(store, { ...search(0), backdated: true }, { visible: (u: string) => u === 'u-2', ids: ['u-2'] }, n, { broadScope: false });
      const backdatedInScope = ran.filter((r) => r.sql.includes('FROM documents'));
      expect(backdatedInScope).toHaveLength(2);
      for (const r of backdatedInScope) expect(r.sql).toContain('INDEXED BY "ix_audit_events__backdated"');
      // A time range over a broad scope is counted along the range's index, and its page too when few
      // entries match; in a small scope only a short range is, and with a stream of its own the planner picks.
      const broad = { visible: (u: string) => u !== 'u-4', ids: ['u-1', 'u-2', 'u-3'] };
      const counts = async (q: Partial<AuditSearch>, units: typeof broad, broadScope: boolean) => {
        ran.length = 0;
        const page = await searchAudit(store, { ...search(0), order: 'desc', ...q }, units, n, { broadScope });
        const expected = entries.filter((e) => e.occurredAt >= q.occurredFrom! && (!q.occurredTo || e.occurredAt <= q.occurredTo) && e.unitIds.some((u) => units.visible(u)) && (!q.streamId || e.streamId === q.streamId)).map((e) => e.position).reverse();
        expect(page.items.map((e) => e.position)).toEqual(expected.slice(0, 50));
        expect(page.total ?? page.totalMoreThan! + 1).toBe(Math.min(expected.length, 1001));
        // The search's count (not the range's own, which names no unit) and its page.
        return ran.filter((r) => (r.sql.startsWith('SELECT count(*) AS n FROM (SELECT 1 FROM documents') && r.sql.includes('array_values')) || r.sql.includes('ORDER BY')).map((r) => r.sql);
      };
      const ranged = await counts({ occurredFrom: at(2000) }, broad, true);
      expect(ranged).toHaveLength(2);
      for (const sql of ranged) expect(sql).toContain('INDEXED BY "ix_audit_events__occurredAt"');
      // Many matches: counted along the range, the page walks the blocks' runs by key.
      const [countedMany, walked] = await counts({ occurredFrom: at(1) }, broad, true);
      expect(countedMany).toContain('INDEXED BY "ix_audit_events__occurredAt"');
      expect(walked).not.toContain('INDEXED BY');
      // A small scope: a long range (all 3,000 entries) is left to the planner, a short one read along the range.
      const one = { visible: (u: string) => u === 'u-2', ids: ['u-2'] };
      expect((await counts({ occurredFrom: at(1) }, one, false)).join(' ')).not.toContain('INDEXED BY "ix_audit_events__occurredAt"');
      const short = await counts({ occurredFrom: at(2000), occurredTo: at(2100) }, one, false);
      expect(short).toHaveLength(2);
      for (const sql of short) expect(sql).toContain('INDEXED BY "ix_audit_events__occurredAt"');
      expect((await counts({ occurredFrom: at(2000), streamId: 'problem-7' }, broad, true)).join(' ')).not.toContain('INDEXED BY');

      // Newest first walks the same indexes backwards as history order walks them forwards: a page of the
      // whole trail (the key) or of one type ((type, position)) never sorts all its matches.
      for (const [start, index] of [
        ['{"order":"desc"} whole', /USING PRIMARY KEY \(collection=\? AND id<\?\)/],
        ['{"order":"desc","before":2800} whole', /USING PRIMARY KEY \(collection=\? AND id<\?\)/],
        ['{"order":"desc","types":["StepRecorded"]} whole', /USING INDEX ix_audit_events__type__position/],
      ] as const) {
        const walked = plans.filter((p) => p.startsWith(start));
        expect(walked.join(' ')).toMatch(index);
        expect(walked.filter((p) => /TEMP B-TREE FOR ORDER BY/.test(p))).toEqual([]);
      }
      // The trail keeps no index of the position alone: the key is one.
      expect(plans.join(' ')).not.toContain('ix_audit_events__position');
    } finally {
      await store.close();
    }
  });
});
