import { NotFoundException } from '@nestjs/common';
import {
  countByStatus,
  expectedShare,
  OrganizationTree,
  PART_STATUS_NAMES,
  PART_STATUSES,
  PartStatus,
  partStanding,
  RankedStanding,
  rankStandings,
  UNIT_LEVEL_NAMES,
} from '@platform/domain';
import { rollupSums } from '../shared/rollups';
import { NOT_FOUND, UnitFilter } from '../shared/view-scope';
import { KeyTaskDoc, StockTakeDoc, StockTakeReport, StockTakeSummary } from './key-task-schedule.documents';

export const KEY_TASK_PROJECTIONS = ['key-task-schedule'] as const;

export interface ScheduleQuery {
  /** The stock-take to rank; null for the latest. */
  readonly stockTakeId: string | null;
  readonly root: string | null;
}

export interface ScheduleRow extends RankedStanding {
  readonly statusName: string;
  readonly name: string;
  readonly levelName: string | null;
  readonly parentId: string | null;
  readonly report: StockTakeReport | null;
  /** The unit's status at every stock-take so far, oldest first. */
  readonly history: { readonly stockTakeId: string; readonly status: PartStatus }[];
}

export interface ScheduleRollup {
  readonly unitId: string;
  readonly name: string;
  readonly level: string;
  readonly levelName: string;
  readonly parts: number;
  readonly counts: Record<PartStatus, number>;
  /** Done and on-track parts over all parts: what levels are ranked by. */
  readonly onTrackShare: number | null;
  /** Rank among the roll-ups of the same level. */
  readonly rank: number;
}

export interface ScheduleView {
  readonly task: Omit<KeyTaskDoc, '_id' | 'unitIds' | 'parts' | 'stockTakes'>;
  /** Every stock-take with the counts of the units shown: the series the office reads trends from. */
  readonly stockTakes: (StockTakeSummary & { readonly counts: Record<PartStatus, number> })[];
  readonly stockTake: (StockTakeSummary & { readonly expectedShare: number }) | null;
  readonly statusNames: Record<PartStatus, string>;
  readonly rankRule: string;
  readonly total: number;
  readonly counts: Record<PartStatus, number>;
  readonly rows: ScheduleRow[];
  readonly rollups: ScheduleRollup[];
}

export const RANK_RULE = '先按状态（已完成、按进度推进、滞后、未报送），再按完成目标的比例；并列同名次 (status first, then share of target reached; ties share a rank)';

const zero = () => Object.fromEntries(PART_STATUSES.map((s) => [s, 0])) as Record<PartStatus, number>;

/** Competition ranks over a list already sorted best first, by a key that says which rows tie. */
function ranked<T>(sorted: readonly T[], key: (t: T) => number | null): (T & { rank: number })[] {
  let rank = 0;
  return sorted.map((t, i) => {
    if (i === 0 || key(sorted[i - 1]) !== key(t)) rank = i + 1;
    return { ...t, rank };
  });
}

/**
 * 调度 view of one key task: every visible unit's standing at a stock-take (latest by default),
 * ranked, with its report and its history; the counts rolled up to township, county and city
 * (sums of parts, then the shares), each level ranked; and the counts of every stock-take.
 */
export function scheduleView(task: KeyTaskDoc, takes: readonly StockTakeDoc[], tree: OrganizationTree, filter: UnitFilter, query: ScheduleQuery): ScheduleView {
  const unitIds = task.unitIds.filter((u) => filter.visible(u));
  const take = query.stockTakeId ? takes.find((t) => t.stockTakeId === query.stockTakeId) : takes[takes.length - 1];
  if (query.stockTakeId && !take) throw new NotFoundException(NOT_FOUND);
  const summary = (t: StockTakeDoc): StockTakeSummary => ({ stockTakeId: t.stockTakeId, label: t.label, dueOn: t.dueOn, open: t.open });
  const standings = take ? rankStandings(unitIds.map((u) => partStanding(task, take, u))) : [];
  const rows: ScheduleRow[] = standings.map((s) => {
    const node = tree.get(s.unitId);
    return {
      ...s,
      statusName: PART_STATUS_NAMES[s.status],
      name: node?.name ?? s.unitId,
      levelName: node ? UNIT_LEVEL_NAMES[node.level] : null,
      parentId: node?.parentId ?? null,
      report: take?.reports[s.unitId] ?? null,
      history: takes.map((t) => ({ stockTakeId: t.stockTakeId, status: partStanding(task, t, s.unitId).status })),
    };
  });
  const sums = rollupSums(tree, standings.map((s) => [s.unitId, s] as const), () => ({ parts: 0, counts: zero() }), (sum, s) => {
    sum.parts += 1;
    sum.counts[s.status] += 1;
  });
  const rollups = byLevel(sums).flatMap((level) =>
    ranked(
      level
        .map(({ sum, ...node }) => ({ ...node, parts: sum.parts, counts: sum.counts, onTrackShare: sum.parts > 0 ? (sum.counts.done + sum.counts.on_track) / sum.parts : null }))
        .sort((a, b) => (b.onTrackShare ?? -1) - (a.onTrackShare ?? -1) || a.unitId.localeCompare(b.unitId)),
      (r) => r.onTrackShare,
    ),
  );
  const { _id, unitIds: _units, parts: _parts, stockTakes: _takes, ...plan } = task;
  return {
    task: plan,
    stockTakes: takes.map((t) => ({ ...summary(t), counts: countByStatus(unitIds.map((u) => partStanding(task, t, u))) })),
    stockTake: take ? { ...summary(take), expectedShare: expectedShare(task, take.dueOn) } : null,
    statusNames: PART_STATUS_NAMES,
    rankRule: RANK_RULE,
    total: rows.length,
    counts: countByStatus(standings),
    rows,
    rollups,
  };
}

/** The roll-ups grouped by level, city first, as rollupSums orders them. */
function byLevel<T extends { level: string }>(sums: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const s of sums) groups.set(s.level, [...(groups.get(s.level) ?? []), s]);
  return [...groups.values()];
}
