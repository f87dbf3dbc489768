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
import { addVectorInto, LeafVectors } from '../shared/leaf-vectors';
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
/** Entries are summed as flat arrays of their counts: a city's units go into every roll-up above them. */
const ENTRIES = new LeafVectors(emptyEntry);

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

/** A unit's entry, as summed into its roll-ups and as its own row's totals (per metrics version). */
interface UnitFigures {
  readonly entry: UnitEntry;
  readonly vector: Float64Array;
  totals(version: MetricsVersion): TrackerTotals;
}

function figuresOf(entry: UnitEntry): UnitFigures {
  const rates = new Map<MetricsVersion, TrackerTotals>();
  return {
    entry,
    vector: ENTRIES.of(entry),
    totals(version) {
      let totals = rates.get(version);
      if (!totals) rates.set(version, (totals = withRates(entry.counts, entry.metric, version)));
      return totals;
    },
  };
}

/**
 * A past moment's tally documents are frozen and shared with the moments near it (the read store
 * parses a version once): what a summary derives from one on a day is kept with it, so a moment
 * not asked before derives only the tallies that changed since one near it (a few of thousands).
 */
const DERIVED = new WeakMap<UnitTallyDoc, Map<string, UnitFigures>>();
const DAYS_KEPT = 4;

/** `key` names the day and the thresholds. */
function tallyFigures(t: UnitTallyDoc, today: string | null, thresholds: WarningThresholds, key: string): UnitFigures {
  if (!Object.isFrozen(t)) return figuresOf(entryOf(t, today, thresholds));
  let byDay = DERIVED.get(t);
  if (!byDay) DERIVED.set(t, (byDay = new Map()));
  let figures = byDay.get(key);
  if (!figures) {
    byDay.set(key, (figures = figuresOf(entryOf(t, today, thresholds))));
    if (byDay.size > DAYS_KEPT) byDay.delete(byDay.keys().next().value!);
  }
  return figures;
}

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
  return summarize(new Map([...perUnit].map(([unitId, entry]) => [unitId, figuresOf(entry)])), tree, version);
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
export function trackerSummaryOfTallies(...args: Parameters<typeof trackerSummaryPages>): TrackerSummary {
  return everyRow(trackerSummaryPages(...args));
}

const everyRow = (pages: TrackerSummaryPages): TrackerSummary => ({
  metricsVersion: pages.metricsVersion,
  units: pages.unitRows(0, Number.MAX_SAFE_INTEGER),
  rollups: pages.rollups,
  overall: pages.overall,
});

/** A summary whose unit rows are built a page at a time (a past moment's page shows 50 of thousands). */
export interface TrackerSummaryPages extends Omit<TrackerSummary, 'units'> {
  /** Units with problems in the scope. */
  readonly unitCount: number;
  /** Rows skip… in unit id order. */
  unitRows(skip: number, limit: number): TrackerUnitRow[];
}

/** trackerSummaryOfTallies with its unit rows built only for the pages asked for. */
export function trackerSummaryPages(
  tallies: readonly UnitTallyDoc[],
  today: string | null,
  thresholds: WarningThresholds,
  tree: OrganizationTree,
  filter: UnitFilter,
  version: MetricsVersion,
): TrackerSummaryPages {
  const perUnit = new Map<string, UnitFigures>();
  const key = `${today}|${thresholds.yellowDays}|${thresholds.greenDays}`;
  for (const t of tallies) {
    if (t.tracker.total === 0 || !filter.visible(t.unitId)) continue;
    perUnit.set(t.unitId, tallyFigures(t, today, thresholds, key));
  }
  return summaryPages(perUnit, tree, version);
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

function summarize(perUnit: ReadonlyMap<string, UnitFigures>, tree: OrganizationTree, version: MetricsVersion): TrackerSummary {
  return everyRow(summaryPages(perUnit, tree, version));
}

function summaryPages(perUnit: ReadonlyMap<string, UnitFigures>, tree: OrganizationTree, version: MetricsVersion): TrackerSummaryPages {
  // Code-point order, as the store pages the unit rows of a live summary.
  const ids = [...perUnit.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const unitRows = (skip: number, limit: number) =>
    ids.slice(skip, skip + limit).map((unitId): TrackerUnitRow => ({ unitId, name: tree.get(unitId)?.name ?? unitId, ...perUnit.get(unitId)!.totals(version) }));

  const all = ENTRIES.zero();
  for (const f of perUnit.values()) addVectorInto(all, f.vector);
  const totals = (sum: Float64Array) => {
    const e = ENTRIES.record(sum);
    return withRates(e.counts, e.metric, version);
  };
  const vectors = [...perUnit].map(([unitId, f]) => [unitId, f.vector] as const);
  const rollups = rollupSums(tree, vectors, () => ENTRIES.zero(), addVectorInto).map(({ sum, ...node }): TrackerRollup => ({ ...node, ...totals(sum) }));
  return { metricsVersion: version, unitCount: ids.length, unitRows, rollups, overall: totals(all) };
}
