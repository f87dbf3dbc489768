import { Filter, ReadStore } from '@platform/read-models';
import { UnitFilter, unitClause } from '../shared/view-scope';
import { AUDIT_BLOCKS, AUDIT_EVENTS, AuditBlockDoc, AuditEventDoc, auditEventId } from './audit-trail.documents';

export interface AuditSearch {
  readonly streamId: string | null;
  readonly actorId: string | null;
  readonly types: readonly string[];
  readonly occurredFrom: string | null;
  readonly occurredTo: string | null;
  readonly recordedFrom: string | null;
  readonly recordedTo: string | null;
  readonly backdated: boolean | null;
  /** History order (`asc`, from the cursor `after`) or newest first (`desc`, from the cursor `before`). */
  readonly order: 'asc' | 'desc';
  /** Cursor in history order: entries after this global position (0: from the first). */
  readonly after: number;
  /** Cursor newest first: entries before this global position (null: from the view's position). */
  readonly before: number | null;
  readonly limit: number;
}

/** Beyond this many matching entries the trail says "more than" instead of counting them all. */
export const AUDIT_EXACT_TOTAL_UP_TO = 1000;

export interface AuditPage {
  readonly items: AuditEventDoc[];
  /** Entries matching the filters up to the view's position (the cursor aside), when at most AUDIT_EXACT_TOTAL_UP_TO; else null. */
  readonly total: number | null;
  /** AUDIT_EXACT_TOTAL_UP_TO when more match (counting a city's history would cost far more than the page). */
  readonly totalMoreThan: number | null;
  /** In history order, pass as `after` for the next page; null on the last one, and newest first. */
  readonly nextAfter: number | null;
  /** Newest first, pass as `before` for the next page; null on the last one, and in history order. */
  readonly nextBefore: number | null;
}

const range = (from: string | null, to: string | null) =>
  from || to ? { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } : undefined;

/**
 * How a page bounds its entries by position. An entry's `_id` is its position zero-padded, so the
 * primary key holds the trail in history order: a page bounds and pages on it, and SQLite walks the
 * trail (or a narrow scope's own entries, found by unit) in key order and stops at the page, never
 * reading an entry's body to compare positions nor sorting them (a county's page read and sorted
 * every entry of its units after the cursor: 100-400 ms at city scale). With one event type, the
 * index (type, position) picks the type's entries in history order and the position bounds them.
 * The trail keeps no index of the position alone: the key is one, and every index an entry has is
 * written with it and built again by a rebuild.
 */
const byKey = (q: AuditSearch) => q.types.length !== 1;

/**
 * A page's entries: after the cursor in history order; newest first, at or below the position just
 * before the cursor, one upper bound in place of two (given both, SQLite ranged over the view's
 * position alone and walked every later entry back down to the cursor: 90 ms for a page of the
 * city's first events, against under 1 ms).
 */
function pageFilter(q: AuditSearch, units: UnitFilter, until: number): Filter {
  if (q.order === 'desc') return auditFilter(q, units, q.before === null ? until : Math.min(until, q.before - 1));
  const after = byKey(q) ? { _id: { $gt: auditEventId(q.after) } } : { position: { $gt: q.after } };
  return { $and: [auditFilter(q, units, until), after] };
}

/**
 * Both orders walk the same index, newest first backwards (the key, or the position with the key
 * as its tie-breaker), so a page newest first is the reverse of the same entries in history order.
 */
function sortOf(q: AuditSearch): Record<string, 1 | -1> {
  const way = q.order === 'desc' ? -1 : 1;
  return byKey(q) ? { _id: way } : { position: way, _id: way };
}

/**
 * The time index a search's range can be read along: none when another filter has an index of its
 * own (a stream, an actor, a type, the backdated entries), which the planner starts from.
 */
function rangeField(q: AuditSearch): 'occurredAt' | 'recordedAt' | null {
  if (q.streamId || q.actorId || q.backdated !== null || q.types.length > 0) return null;
  if (q.occurredFrom || q.occurredTo) return 'occurredAt';
  if (q.recordedFrom || q.recordedTo) return 'recordedAt';
  return null;
}

/**
 * Over a broad scope (most of the tree, whose units most entries name) a time range is counted along
 * its index, stopping at the bound: left to SQLite, the count walked the key from the first entry to
 * reach a recent range (0.24-0.3 s for the city's last month in the office's or a supervision
 * group's scope, 2-4 ms this way). A small scope's entries are found by their units, unless the
 * range is short: forcing a range cost a county 30-250 ms against 8, while a day of a district's
 * trail went through the district's every entry (173 ms).
 */
const SHORT_RANGE_UP_TO = 2_000;

/**
 * The runs of positions, in history order, whose blocks' times overlap the search's time range,
 * each [first, last]: the only stretches of the trail that can hold a match.
 */
async function rangeRuns(store: ReadStore, q: AuditSearch, until: number): Promise<Run[]> {
  const overlapping = (from: string | null, to: string | null, min: string, max: string): Filter => ({ ...(from ? { [max]: { $gte: from } } : {}), ...(to ? { [min]: { $lte: to } } : {}) });
  const blocks = await store.find<AuditBlockDoc>(
    AUDIT_BLOCKS,
    { first: { $lte: until }, ...overlapping(q.occurredFrom, q.occurredTo, 'occurredMin', 'occurredMax'), ...overlapping(q.recordedFrom, q.recordedTo, 'recordedMin', 'recordedMax') },
    { sort: { _id: 1 } },
  );
  const runs: Array<[number, number]> = [];
  for (const b of blocks) {
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === b.first) last[1] = b.last;
    else runs.push([b.first, b.last]);
  }
  return runs;
}

type Run = readonly [first: number, last: number];

/** The filter's entries within one run, by key (a time range has no type, see rangeField): bounded below by its first position, above as auditFilter bounds. */
const withinRun = (q: AuditSearch, units: UnitFilter, [first, last]: Run): Filter => ({ $and: [auditFilter(q, units, last), { _id: { $gte: auditEventId(first) } }] });

/** The search's matches in these runs, counted run by run up to `bound` + 1. */
async function countAlongRuns(store: ReadStore, q: AuditSearch, units: UnitFilter, runs: readonly Run[], bound: number): Promise<number> {
  let n = 0;
  for (const run of runs) {
    n += await store.count(AUDIT_EVENTS, withinRun(q, units, run), { limit: bound + 1 - n });
    if (n > bound) break;
  }
  return n;
}

/**
 * A page of a time range: the trail walked in its order through the runs of blocks that overlap the
 * range, from the cursor, run after run until the page is full. Walked whole from the cursor, a month
 * of the middle of the city's history newest first went through every later entry to reach the month
 * (0.3-0.4 s in the office's scope, 0.14 s in a district's), and reading the range and sorting what
 * matched cost as much for a summer (148,490 entries: 0.44 s).
 */
async function pageAlongRuns(store: ReadStore, q: AuditSearch, units: UnitFilter, until: number, runs: readonly Run[]): Promise<AuditEventDoc[]> {
  // Each run clipped to the view's position and the cursor: one bound each way (see pageFilter).
  const top = q.order === 'desc' && q.before !== null ? Math.min(until, q.before - 1) : until;
  const bottom = q.order === 'asc' ? q.after + 1 : 0;
  const clipped = runs.map(([first, last]): Run => [Math.max(first, bottom), Math.min(last, top)]).filter(([first, last]) => first <= last);
  if (q.order === 'desc') clipped.reverse();
  const items: AuditEventDoc[] = [];
  for (const run of clipped) {
    const page = await store.find<AuditEventDoc>(AUDIT_EVENTS, withinRun(q, units, run), { sort: sortOf(q), limit: q.limit - items.length });
    items.push(...page);
    if (items.length === q.limit) break;
  }
  return items;
}

/** The entries of the search's time range up to the view's position, counted on the range's index alone, up to `bound` + 1. */
async function rangeHolds(store: ReadStore, q: AuditSearch, until: number, field: 'occurredAt' | 'recordedAt', bound: number): Promise<number> {
  const bounds = field === 'occurredAt' ? range(q.occurredFrom, q.occurredTo) : range(q.recordedFrom, q.recordedTo);
  return store.count(AUDIT_EVENTS, { _id: { $lte: auditEventId(until) }, [field]: bounds }, { limit: bound + 1, hint: field });
}

/** Times are stored as ISO strings of one format (UTC, milliseconds), so they compare as strings. */
export function auditFilter(q: AuditSearch, units: UnitFilter, until: number): Filter {
  const occurred = range(q.occurredFrom, q.occurredTo);
  const recorded = range(q.recordedFrom, q.recordedTo);
  return {
    ...(byKey(q) ? { _id: { $lte: auditEventId(until) } } : { position: { $lte: until } }),
    ...unitClause('unitIds', units),
    ...(q.streamId ? { streamId: q.streamId } : {}),
    ...(q.actorId ? { 'actor.userId': q.actorId } : {}),
    ...(q.types.length ? { type: { $in: [...q.types] } } : {}),
    ...(occurred ? { occurredAt: occurred } : {}),
    ...(recorded ? { recordedAt: recorded } : {}),
    ...(q.backdated !== null ? { backdated: q.backdated } : {}),
  };
}

/** One page of the trail in history order or newest first, by global position (keyset: entries beyond the cursor, on the position index or the key). */
export async function searchAudit(store: ReadStore, q: AuditSearch, units: UnitFilter, until: number, options: { readonly broadScope?: boolean } = {}): Promise<AuditPage> {
  const filter = auditFilter(q, units, until);
  const field = rangeField(q);
  const broad = units.ids === null || (options.broadScope ?? false);
  const keyed = byKey(q);
  // A time range is read along its index over a broad scope, and over a small one when it is short;
  // a small scope's long range goes through the runs of blocks that overlap it, found by its units.
  const along = field !== null && (broad || (await rangeHolds(store, q, until, field, SHORT_RANGE_UP_TO)) <= SHORT_RANGE_UP_TO) ? field : null;
  const runs = field !== null && along === null ? await rangeRuns(store, q, until) : null;
  // In a small scope, the backdated entries (few by nature) start the query from their own index:
  // SQLite cannot tell how many entries a scope's list of units holds, and started from a district's
  // every entry (32,287, parsing each) to find its 49 backdated ones: 75 ms a statement.
  const driver = !broad && field === null && q.backdated === true ? 'backdated' : null;
  const inRange = along ? { hint: along } : driver ? { hint: driver } : {};
  const counted = runs
    ? await countAlongRuns(store, q, units, runs, AUDIT_EXACT_TOTAL_UP_TO)
    : await store.count(AUDIT_EVENTS, filter, { limit: AUDIT_EXACT_TOTAL_UP_TO + 1, ...inRange });
  const many = counted > AUDIT_EXACT_TOTAL_UP_TO;
  // Many matches of a range over a broad scope: the runs too. Few, or a short range in a small scope:
  // read the range and sort them. Many matches of one type: walk (type, position) from the cursor and
  // stop at the page (SQLite would rather read two thirds of a city's trail and sort it, its estimate
  // ignoring the LIMIT). Otherwise the planner starts from the selective condition, or walks the key.
  const items =
    field !== null && (runs !== null || (broad && many))
      ? await pageAlongRuns(store, q, units, until, runs ?? (await rangeRuns(store, q, until)))
      : await store.find<AuditEventDoc>(AUDIT_EVENTS, pageFilter(q, units, until), {
          sort: sortOf(q),
          limit: q.limit,
          ...(along !== null || driver !== null ? inRange : many && !keyed ? { hint: 'type,position' } : {}),
        });
  const full = items.length === q.limit;
  return {
    items,
    total: many ? null : counted,
    totalMoreThan: many ? AUDIT_EXACT_TOTAL_UP_TO : null,
    nextAfter: q.order === 'asc' && full ? items[items.length - 1].position : null,
    nextBefore: q.order === 'desc' && full ? items[items.length - 1].position : null,
  };
}
