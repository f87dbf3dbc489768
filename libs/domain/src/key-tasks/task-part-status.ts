import { daysBetween } from '../shared/dates';
import { KeyTaskState, StockTake } from './key-task.decider';

/** What a standing needs of a task and a stock-take: the decider's state or a view's documents. */
export type TaskFacts = Pick<KeyTaskState, 'definedAt' | 'deadline' | 'parts'>;
export type StockTakeFacts = Pick<StockTake, 'dueOn' | 'reports'>;

export const PART_STATUSES = ['done', 'on_track', 'behind', 'not_reported'] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

export const PART_STATUS_NAMES: Record<PartStatus, string> = {
  done: '已完成',
  on_track: '按进度推进',
  behind: '滞后',
  not_reported: '未报送',
};

/**
 * How far along a unit should be at a stock-take: the share of the task's time elapsed by the
 * stock-take's due date, as the seed's 调度 reads progress against the year-end deadline.
 */
export function expectedShare(task: Pick<KeyTaskState, 'definedAt' | 'deadline'>, dueOn: string): number {
  const total = daysBetween(task.definedAt, task.deadline);
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, daysBetween(task.definedAt, dueOn) / total));
}

export interface PartStanding {
  readonly unitId: string;
  readonly responsible: string;
  readonly status: PartStatus;
  readonly value: number | null;
  readonly target: number | null;
  /** value / target, or null without a quantitative target. */
  readonly share: number | null;
}

export function partStanding(task: TaskFacts, take: StockTakeFacts, unitId: string): PartStanding {
  const part = task.parts[unitId];
  const report = take.reports[unitId];
  const base = { unitId, responsible: part.responsible, target: part.target };
  // A returned report does not stand: the unit has not reported until it reports again.
  if (!report || report.returned) return { ...base, status: 'not_reported', value: null, share: null };
  const share = part.target !== null && report.value !== null ? report.value / part.target : null;
  const reachedTarget = share !== null && share >= 1;
  if (report.done || reachedTarget) return { ...base, status: 'done', value: report.value, share };
  const expected = expectedShare(task, take.dueOn);
  const onTrack = share !== null ? share >= expected : expected < 1;
  return { ...base, status: onTrack ? 'on_track' : 'behind', value: report.value, share };
}

const ORDER: Record<PartStatus, number> = { done: 0, on_track: 1, behind: 2, not_reported: 3 };

export interface RankedStanding extends PartStanding {
  /** Competition ranking: equal standings share a rank, the next rank skips. */
  readonly rank: number;
}

/** The ranking printed on a stock-take's 通报: status first, then how much of its share a unit reached. */
export function rankStandings(standings: readonly PartStanding[]): RankedStanding[] {
  const key = (s: PartStanding) => [ORDER[s.status], -(s.share ?? 0)] as const;
  const sorted = [...standings].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || a.unitId.localeCompare(b.unitId);
  });
  let rank = 0;
  return sorted.map((s, i) => {
    const prev = sorted[i - 1];
    if (!prev || key(prev)[0] !== key(s)[0] || key(prev)[1] !== key(s)[1]) rank = i + 1;
    return { ...s, rank };
  });
}

export function stockTakeStandings(task: KeyTaskState, stockTakeId: string): RankedStanding[] {
  const take = task.stockTakes.find((t) => t.stockTakeId === stockTakeId);
  if (!take) return [];
  return rankStandings(Object.keys(task.parts).map((unitId) => partStanding(task, take, unitId)));
}

export function countByStatus(standings: readonly PartStanding[]): Record<PartStatus, number> {
  const counts = Object.fromEntries(PART_STATUSES.map((s) => [s, 0])) as Record<PartStatus, number>;
  for (const s of standings) counts[s.status] += 1;
  return counts;
}
