import { createHash } from 'node:crypto';
import { NotFoundException } from '@nestjs/common';
import { DEFAULT_METRICS_VERSION, DEFAULT_WARNING_THRESHOLDS, MetricsVersion } from '@platform/domain';
import { Filter, ReadStore } from '@platform/read-models';
import { ActorScope } from '@platform/common';
import { ViewMoment } from '../shared/view-moment';
import { campaignUnitDocs, isSmallScope, NOT_FOUND, UnitFilter, unitClause, unitFilter } from '../shared/view-scope';
import { LEDGER_CAMPAIGNS, LEDGER_PROBLEMS, LedgerCampaignDoc, LedgerProblemDoc } from './rectification-ledger.documents';
import { dayFilter } from './day-filters';
import { ledgerFilter, ProblemListFilters, TrackedProblem, trackProblem } from './tracked-problem';
import { trackerSummaryOfSubtrees, trackerSummaryPages, TrackerSummary } from './tracker-summary';
import { LEDGER_NODE_TALLIES, NodeTallyDoc } from './node-tallies';
import { subtreeSumNodes } from '../shared/rollups';
import { subtreeSumId } from '../shared/subtree-sums';
import { LEDGER_UNIT_TALLIES, UnitTallyDoc } from './unit-tallies';

export const TRACKER_PROJECTIONS = ['rectification-ledger'] as const;

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const ledgerOf = (moment: ViewMoment): ReadStore => moment.store('rectification-ledger');

export async function ledgerCampaign(moment: ViewMoment, campaignId: string): Promise<LedgerCampaignDoc> {
  const campaign = await ledgerOf(moment).get<LedgerCampaignDoc>(LEDGER_CAMPAIGNS, campaignId);
  if (!campaign) throw new NotFoundException(NOT_FOUND);
  return campaign;
}

/** A campaign's ledger as its reader may see it: the units of the asked subtree within their scope, and the campaign. */
export async function ledgerInScope(moment: ViewMoment, campaignId: string, scope: ActorScope, root: string | null | undefined) {
  const units = unitFilter(moment.tree, scope, root);
  return { units, campaign: await ledgerCampaign(moment, campaignId) };
}

/** The view's calendar day: warnings are judged on it. */
export const dayOf = (moment: ViewMoment): string | null => moment.at?.slice(0, 10) ?? null;

export interface TrackerSummaryPage extends Omit<TrackerSummary, 'units'> {
  /** Units with problems in the scope. */
  readonly total: number;
  /** The page asked for, in unit id order. */
  readonly units: TrackerSummary['units'];
}

/**
 * Counts per responsible unit (one page of them) and rolled up; problems of units outside the
 * filter are not counted. Live, the roll-ups and the overall figures are the ledger's subtree
 * tallies (a document per roll-up node) and only the page's unit tallies are read; a past moment
 * sums the unit tallies as they stood then (the subtree tallies keep no versions).
 */
export async function readTrackerSummary(
  moment: ViewMoment,
  campaign: LedgerCampaignDoc,
  units: UnitFilter,
  version: MetricsVersion = DEFAULT_METRICS_VERSION,
  page: { skip: number; limit: number } = { skip: 0, limit: Number.MAX_SAFE_INTEGER },
): Promise<TrackerSummaryPage> {
  const store = ledgerOf(moment);
  const thresholds = campaign.warningThresholds ?? DEFAULT_WARNING_THRESHOLDS;
  if (!moment.live) {
    const campaignId = campaign.campaignId;
    const memo = moment.memo;
    const summarize = (tallies: readonly UnitTallyDoc[]) => trackerSummaryPages(tallies, dayOf(moment), thresholds, moment.tree, units, version);
    const whole = async () =>
      summarize(await memo!('rectification-ledger', `${LEDGER_UNIT_TALLIES}:${campaignId}`, () => store.find<UnitTallyDoc>(LEDGER_UNIT_TALLIES, { campaignId })));
    // A past moment never changes (nor does its tree): the whole view's summary is kept for every
    // page. A small scope (a county) reads its own units' tallies by key, as the board does.
    const summary =
      !memo || isSmallScope(moment.tree, units)
        ? summarize(await store.find<UnitTallyDoc>(LEDGER_UNIT_TALLIES, campaignUnitDocs(campaignId, units)))
        : units.ids === null
          ? await memo('rectification-ledger', `tracker-summary:${campaignId}:${dayOf(moment)}:${thresholds.yellowDays}:${thresholds.greenDays}:${version}`, whole)
          : await whole();
    const { unitRows, unitCount, ...rest } = summary;
    return { ...rest, total: unitCount, units: unitRows(page.skip, page.limit) };
  }
  // The campaign's units with problems, in id order, once per checkpoint: counting them on the
  // JSON indexes fetched and parsed every tally per request (each index entry costs a row lookup).
  const campaignId = campaign.campaignId;
  const loadIds = async () => {
    const ids = (await store.find<UnitTallyDoc>(LEDGER_UNIT_TALLIES, { campaignId, 'tracker.total': { $gt: 0 } })).map((t) => t.unitId).sort(byCodePoint);
    return { ids, has: new Set(ids) };
  };
  const withProblems = await (moment.memo ? moment.memo('rectification-ledger', `units-with-problems:${campaignId}`, loadIds) : loadIds());
  const visible = visibleWithProblems(withProblems, units);
  const pageIds = visible.slice(page.skip, page.skip + page.limit);
  const today = dayOf(moment);
  const rows = pageIds.length === 0 ? [] : await store.find<UnitTallyDoc>(LEDGER_UNIT_TALLIES, { _id: { $in: pageIds.map((id) => subtreeSumId(campaignId, id)) } });
  rows.sort((a, b) => byCodePoint(a.unitId, b.unitId));
  const summarize = (page: readonly UnitTallyDoc[], subtrees: ReadonlyMap<string, NodeTallyDoc>) =>
    trackerSummaryOfSubtrees({ page, subtrees, today, thresholds, tree: moment.tree, filter: units }, version);
  if (!moment.memo) {
    const { inScope, tops } = subtreeSumNodes(moment.tree, units);
    const subtrees = await store.find<NodeTallyDoc>(LEDGER_NODE_TALLIES, { _id: { $in: [...new Set([...inScope, ...tops])].map((id) => subtreeSumId(campaignId, id)) } });
    return { metricsVersion: version, total: visible.length, ...summarize(rows, new Map(subtrees.map((d) => [d.nodeId, d]))) };
  }
  // The campaign's node tallies are read once per checkpoint; the whole view's roll-ups (the same
  // for every page) once per checkpoint, day and rule.
  const memo = moment.memo;
  const subtrees = await memo('rectification-ledger', `${LEDGER_NODE_TALLIES}:${campaignId}`, async () =>
    new Map((await store.find<NodeTallyDoc>(LEDGER_NODE_TALLIES, { campaignId })).map((d) => [d.nodeId, d])),
  );
  const pageRows = summarize(rows, new Map()).units;
  if (units.ids !== null) return { metricsVersion: version, total: visible.length, units: pageRows, ...withoutUnits(summarize([], subtrees)) };
  const rolled = await memo('rectification-ledger', `tracker-rollups:${campaignId}:${today}:${thresholds.yellowDays}:${thresholds.greenDays}:${version}`, async () =>
    withoutUnits(summarize([], subtrees)),
  );
  // Names as the tree has them now: a renamed unit moves no checkpoint.
  const rollups = rolled.rollups.map((r) => ({ ...r, name: moment.tree.get(r.unitId)?.name ?? r.name }));
  return { metricsVersion: version, total: visible.length, units: pageRows, rollups, overall: rolled.overall };
}

/**
 * The units with problems a filter shows, in id order: a filter listing fewer units (one county of
 * a city) is checked against the campaign's set, so it costs its own units, not the campaign's.
 */
function visibleWithProblems(withProblems: { readonly ids: readonly string[]; readonly has: ReadonlySet<string> }, units: UnitFilter): readonly string[] {
  if (units.ids === null) return withProblems.ids;
  if (units.ids.length >= withProblems.ids.length) return withProblems.ids.filter((id) => units.visible(id));
  return units.ids.filter((id) => withProblems.has.has(id)).sort(byCodePoint);
}

const withoutUnits = <S extends { units: unknown }>({ units, ...rest }: S): Omit<S, 'units'> => rest;

/**
 * The list's whole filter; null when nothing can match. A problem is listed to anyone whose scope
 * holds one of its units (a joint part's unit sees it too).
 */
function listFilter(moment: ViewMoment, campaign: LedgerCampaignDoc, f: ProblemListFilters, units: UnitFilter): Filter | null {
  const day = dayFilter(f, dayOf(moment), campaign.warningThresholds);
  return day && { ...ledgerFilter(campaign.campaignId, f), ...unitClause('unitIds', units), ...day };
}

/** Up to this many matches in a range of deadlines are read off that range and sorted; more, and walking the list's order reaches a page sooner. */
const FEW_IN_RANGE = 200;

/**
 * The index that finds a whole-city list's range of running deadlines (warning levels, overdue):
 * the status's part of it for one status, the deadlines' own for any status. The planner has no
 * estimate of such a range and otherwise read every problem of the status, or of the collection,
 * to test its deadline (50-300 ms at twice the demo city). A unit filter is left to the planner:
 * a county's few problems are the better start.
 */
function deadlineHint(filter: Filter, f: ProblemListFilters, units: UnitFilter): string | undefined {
  if (units.ids !== null || !('runningDeadline' in filter)) return undefined;
  if (f.statuses.length === 1) return 'status,runningDeadline';
  return f.statuses.length === 0 ? 'runningDeadline' : undefined;
}

const tracker = (moment: ViewMoment, campaign: LedgerCampaignDoc) => {
  const today = dayOf(moment);
  return (d: LedgerProblemDoc) => trackProblem(d, today, moment.tree, campaign.warningThresholds);
};

/** Beyond this many matches the list says "more than" instead of counting them all. */
export const EXACT_TOTAL_UP_TO = 1000;

export interface ProblemPage {
  /** Exact when at most EXACT_TOTAL_UP_TO match; otherwise null, and `totalMoreThan` says so. */
  readonly total: number | null;
  readonly totalMoreThan: number | null;
  readonly items: TrackedProblem[];
  /** Pass as `after` for the next page; null on the last one. */
  readonly next: string | null;
}

export const encodeCursor = (listKey: string): string => Buffer.from(listKey, 'utf8').toString('base64url');
export const decodeCursor = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');

/**
 * One page of the matching problems, most urgent first (overdue, then the nearest running
 * deadline, then problems whose clock stopped: see urgencyKeyOf). The day-dependent filters are
 * ranges on the running deadline, so the store filters, sorts and pages on its indexes: a page
 * after a cursor starts where the last one ended (keyset on listKey, no skipped rows read), and the
 * total is counted only up to EXACT_TOTAL_UP_TO, so even the unfiltered whole city costs a page.
 */
export async function readProblemPage(
  moment: ViewMoment,
  campaign: LedgerCampaignDoc,
  f: ProblemListFilters,
  units: UnitFilter,
  page: { skip: number; limit: number; after?: string | null },
): Promise<ProblemPage> {
  const filter = listFilter(moment, campaign, f, units);
  if (filter === null) return { total: 0, totalMoreThan: null, items: [], next: null };
  const after = page.after ? { listKey: { $gt: decodeCursor(page.after) } } : null;
  const store = ledgerOf(moment);
  // Every page of one filter has the same count: it is counted once per checkpoint (a bounded count
  // still visits up to a thousand rows scattered over the store).
  const ranged = deadlineHint(filter, f, units);
  const count = () => store.count(LEDGER_PROBLEMS, filter, { limit: EXACT_TOTAL_UP_TO + 1, hint: ranged });
  const counted = moment.memo
    ? await moment.memo('rectification-ledger', `problem-count:${createHash('sha256').update(JSON.stringify(filter)).digest('base64url')}`, count, { small: true })
    : await count();
  // Many matches (most of a city's problems are closed): walk the list's order and stop at the
  // page, rather than let the store sort every match; few: sorting them is cheaper, and a range of
  // deadlines finds them on its own index.
  const walk = f.statuses.length === 1 ? 'status,listKey' : 'listKey';
  const hint = counted > EXACT_TOTAL_UP_TO || (ranged && counted > FEW_IN_RANGE) ? walk : ranged;
  const docs = await store.find<LedgerProblemDoc>(LEDGER_PROBLEMS, after ? { $and: [filter, after] } : filter, {
    sort: { listKey: 1 },
    skip: page.skip,
    limit: page.limit + 1,
    ...(hint ? { hint } : {}),
  });
  const items = docs.slice(0, page.limit);
  const more = docs.length > page.limit;
  return {
    total: counted > EXACT_TOTAL_UP_TO ? null : counted,
    totalMoreThan: counted > EXACT_TOTAL_UP_TO ? EXACT_TOTAL_UP_TO : null,
    items: items.map(tracker(moment, campaign)),
    next: more ? encodeCursor(items[items.length - 1].listKey) : null,
  };
}

/**
 * The same problems for an export, read from the store a page at a time (keyset on `_id`, so
 * problems added meanwhile neither repeat nor shift a page) and tracked as they are streamed.
 */
export async function* streamProblems(
  moment: ViewMoment,
  campaign: LedgerCampaignDoc,
  f: ProblemListFilters,
  units: UnitFilter,
  pageSize = 500,
): AsyncGenerator<TrackedProblem> {
  const filter = listFilter(moment, campaign, f, units);
  if (filter === null) return;
  const track = tracker(moment, campaign);
  for (let last = ''; ; ) {
    const page = await ledgerOf(moment).find<LedgerProblemDoc>(
      LEDGER_PROBLEMS,
      { $and: [filter, { _id: { $gt: last } }] },
      { sort: { _id: 1 }, limit: pageSize },
    );
    for (const d of page) yield track(d);
    if (page.length < pageSize) return;
    last = page[page.length - 1]._id;
  }
}
