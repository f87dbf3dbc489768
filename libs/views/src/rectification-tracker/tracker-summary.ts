import {
  addMetricCounts,
  computeMetrics,
  emptyMetricCounts,
  MetricCounts,
  MetricsVersion,
  OrganizationTree,
  problemOutcomeCounts,
  ProblemStatus,
  UnitLevel,
  WarningThresholds,
} from '@platform/domain';
import { rollupSums, subtreeRollups } from '../shared/rollups';
import { addLeavesInto, sumLeaves } from '../shared/sums';
import { UnitFilter } from '../shared/view-scope';
import { LedgerProblemDoc } from './rectification-ledger.documents';
import { TrackedProblem } from './tracked-problem';
import { warningsOn } from './tracker-tallies';
import { addTallyCounts, emptyHandling, emptyTallyCounts, HandlingCounts, TallyCounts, UnitTallyDoc } from './unit-tallies';

const IN_PROGRESS: readonly ProblemStatus[] = ['identified', 'planned', 'in_progress'];

export interface TrackerCounts {
  readonly total: number;
  /** 已销号 */
  readonly closed: number;
  /** 已验收待销号 */
  readonly verified: number;
  /** 已整改待验收 */
  readonly fixedAwaitingVerification: number;
  /** 查摆、制定措施、整改中 */
  readonly inProgress: number;
  readonly byDeadline: number;
  readonly deferred: number;
  readonly joint: number;
  readonly byHandling: HandlingCounts;
  readonly overdue: number;
  readonly warnings: { green: number; yellow: number; red: number };
  readonly jointParts: { total: number; closed: number; overdue: number };
}

export interface TrackerTotals {
  readonly counts: TrackerCounts;
  readonly completionRate: number | null;
  readonly onTimeRate: number | null;
}

const emptyTracker = (): TrackerCounts => ({
  total: 0,
  closed: 0,
  verified: 0,
  fixedAwaitingVerification: 0,
  inProgress: 0,
  byDeadline: 0,
  deferred: 0,
  joint: 0,
  byHandling: emptyHandling(),
  overdue: 0,
  warnings: { green: 0, yellow: 0, red: 0 },
  jointParts: { total: 0, closed: 0, overdue: 0 },
});

function addProblem(c: TrackerCounts, p: TrackedProblem): TrackerCounts {
  const parts = p.joint?.parts ?? [];
  return {
    total: c.total + 1,
    closed: c.closed + Number(p.status === 'closed'),
    verified: c.verified + Number(p.status === 'verified'),
    fixedAwaitingVerification: c.fixedAwaitingVerification + Number(p.status === 'fixed'),
    inProgress: c.inProgress + Number(IN_PROGRESS.includes(p.status)),
    byDeadline: c.byDeadline + Number(p.handling === 'by_deadline'),
    deferred: c.deferred + Number(p.status === 'deferred'),
    joint: c.joint + Number(p.status === 'joint'),
    byHandling: { ...c.byHandling, [p.handling]: c.byHandling[p.handling] + 1 },
    overdue: c.overdue + Number(p.overdue),
    warnings: {
      green: c.warnings.green + Number(p.warningLevel === 'green'),
      yellow: c.warnings.yellow + Number(p.warningLevel === 'yellow'),
      red: c.warnings.red + Number(p.warningLevel === 'red'),
    },
    jointParts: {
      total: c.jointParts.total + parts.length,
      closed: c.jointParts.closed + parts.filter((x) => x.closed).length,
      overdue: c.jointParts.overdue + parts.filter((x) => x.overdue).length,
    },
  };
}

type UnitEntry = { counts: TrackerCounts; metric: MetricCounts };
const emptyEntry = (): UnitEntry => ({ counts: emptyTracker(), metric: emptyMetricCounts() });
const addEntry = (sum: UnitEntry, e: UnitEntry) => {
  addLeavesInto(sum.counts, e.counts);
  addLeavesInto(sum.metric, e.metric);
};

function withRates(counts: TrackerCounts, metricCounts: MetricCounts, version: MetricsVersion): TrackerTotals {
  const m = computeMetrics(metricCounts, version);
  return { counts, completionRate: m.completionRate, onTimeRate: m.onTimeRate };
}

export interface TrackerUnitRow extends TrackerTotals {
  readonly unitId: string;
  readonly name: string;
}

export interface TrackerRollup extends TrackerTotals {
  readonly unitId: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly levelName: string;
}

export interface TrackerSummary {
  readonly metricsVersion: MetricsVersion;
  readonly units: TrackerUnitRow[];
  readonly rollups: TrackerRollup[];
  readonly overall: TrackerTotals;
}

type UnitCounts = Map<string, UnitEntry>;

/**
 * 整改进度 from the problems themselves, each tracked on the view's day: the definition the
 * ledger's per-unit tallies must agree with (see trackerSummaryOfTallies, which the views use).
 */
export function trackerSummary(
  docs: readonly LedgerProblemDoc[],
  tracked: readonly TrackedProblem[],
  tree: OrganizationTree,
  filter: UnitFilter,
  version: MetricsVersion,
): TrackerSummary {
  const perUnit: UnitCounts = new Map();
  docs.forEach((doc, i) => {
    if (!filter.visible(doc.responsibleUnitId)) return;
    const entry = perUnit.get(doc.responsibleUnitId) ?? { counts: emptyTracker(), metric: emptyMetricCounts() };
    perUnit.set(doc.responsibleUnitId, {
      counts: addProblem(entry.counts, tracked[i]),
      metric: addMetricCounts(entry.metric, { ...emptyMetricCounts(), problems: problemOutcomeCounts(doc) }),
    });
  });
  return summarize(perUnit, tree, version);
}

/** A unit's or a subtree's tracker figures on the view's day, from its tallies. */
function entryOf(t: TallyCounts, today: string | null, thresholds: WarningThresholds): UnitEntry {
  const c = t.tracker;
  const day = warningsOn(c, today, thresholds);
  const counts: TrackerCounts = {
    total: c.total,
    closed: c.closed,
    verified: c.verified,
    fixedAwaitingVerification: c.fixedAwaitingVerification,
    inProgress: c.inProgress,
    byDeadline: t.byHandling.by_deadline,
    deferred: c.deferred,
    joint: c.joint,
    byHandling: { ...t.byHandling },
    overdue: day.overdue,
    warnings: day.warnings,
    jointParts: { total: c.jointParts.total, closed: c.jointParts.closed, overdue: day.partsOverdue },
  };
  return { counts, metric: { ...emptyMetricCounts(), problems: t.problems } };
}

/**
 * 整改进度: counts per responsible unit, rolled up to township, county and city by summing
 * counts (rates recomputed from the summed counts), over visible units only. Read from the
 * ledger's per-unit tallies: one small document per unit, whatever the number of problems; the
 * warnings of the view's day are sums over each tally's deadline days.
 */
export function trackerSummaryOfTallies(
  tallies: readonly UnitTallyDoc[],
  today: string | null,
  thresholds: WarningThresholds,
  tree: OrganizationTree,
  filter: UnitFilter,
  version: MetricsVersion,
): TrackerSummary {
  const perUnit: UnitCounts = new Map();
  for (const t of tallies) {
    if (t.tracker.total === 0 || !filter.visible(t.unitId)) continue;
    perUnit.set(t.unitId, entryOf(t, today, thresholds));
  }
  return summarize(perUnit, tree, version);
}

/**
 * The same summary from the ledger's subtree tallies: the roll-ups and the overall figures read
 * one document per roll-up node (see subtreeRollups), the unit rows only the page asked for. So
 * the whole city costs its roll-up nodes, not its units.
 */
export function trackerSummaryOfSubtrees(
  input: {
    readonly page: readonly UnitTallyDoc[];
    readonly subtrees: ReadonlyMap<string, TallyCounts>;
    readonly today: string | null;
    readonly thresholds: WarningThresholds;
    readonly tree: OrganizationTree;
    readonly filter: UnitFilter;
  },
  version: MetricsVersion,
): Pick<TrackerSummary, 'units' | 'rollups' | 'overall'> {
  const { today, thresholds, tree } = input;
  const units = input.page.map((t): TrackerUnitRow => {
    const e = entryOf(t, today, thresholds);
    return { unitId: t.unitId, name: tree.get(t.unitId)?.name ?? t.unitId, ...withRates(e.counts, e.metric, version) };
  });
  const { rollups, overall } = subtreeRollups(tree, input.filter, input.subtrees, emptyTallyCounts, addTallyCounts, (c) => c.tracker.total > 0);
  return {
    units,
    rollups: rollups.map(({ sum, ...node }): TrackerRollup => {
      const e = entryOf(sum, today, thresholds);
      return { ...node, ...withRates(e.counts, e.metric, version) };
    }),
    overall: (() => {
      const e = entryOf(overall, today, thresholds);
      return withRates(e.counts, e.metric, version);
    })(),
  };
}

function summarize(perUnit: UnitCounts, tree: OrganizationTree, version: MetricsVersion): TrackerSummary {
  const units = [...perUnit]
    .map(([unitId, e]): TrackerUnitRow => ({ unitId, name: tree.get(unitId)?.name ?? unitId, ...withRates(e.counts, e.metric, version) }))
    // Code-point order, as the store pages the unit rows of a live summary.
    .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));

  const rollups = rollupSums(tree, perUnit, emptyEntry, addEntry).map(
    ({ sum, ...node }): TrackerRollup => ({ ...node, ...withRates(sum.counts, sum.metric, version) }),
  );
  const all = sumLeaves(emptyEntry, perUnit.values());
  return { metricsVersion: version, units, rollups, overall: withRates(all.counts, all.metric, version) };
}
