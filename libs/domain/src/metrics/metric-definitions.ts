import { SATISFIED_GRADES, totalBallots } from '../satisfaction/satisfaction-grades';
import { MetricCounts } from './metric-counts';

export const METRICS_VERSIONS = [1, 2] as const;
export type MetricsVersion = (typeof METRICS_VERSIONS)[number];

/**
 * The definition in force when nothing else is asked for: v1, exactly the brief's §3. A view or
 * notice always says which version computed it, and any past moment can be recomputed under
 * either version from the same counts.
 */
export const DEFAULT_METRICS_VERSION: MetricsVersion = 1;

export interface Metrics {
  readonly metricsVersion: MetricsVersion;
  /** 参学率 */
  readonly participationRate: number | null;
  /** 必做步骤完成率 */
  readonly stepCompletion: number | null;
  /** 整改完成率 */
  readonly completionRate: number | null;
  /** 按期整改率 */
  readonly onTimeRate: number | null;
  /** 满意率 */
  readonly satisfactionRate: number | null;
  /** 反弹率 */
  readonly reboundRate: number | null;
}

export interface MetricDefinition {
  readonly version: MetricsVersion;
  readonly name: string;
  /** What each rate divides, in the words the office uses. */
  readonly formulas: Readonly<Record<Exclude<keyof Metrics, 'metricsVersion'>, string>>;
  /** How this version differs from the one before it. */
  readonly changes: string | null;
  compute(counts: MetricCounts): Metrics;
}

/** A rate over nothing is unknown, not 0 % and not 100 %. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

function common(c: MetricCounts) {
  const p = c.participation;
  return {
    participationRate: ratio(p.attended, p.shouldAttend - p.excused),
    stepCompletion: ratio(c.steps.requiredDone, c.steps.requiredTotal),
    satisfactionRate: ratio(SATISFIED_GRADES.reduce((n, g) => n + c.ballots[g], 0), totalBallots(c.ballots)),
    reboundRate: ratio(c.rechecks.rebounded, c.rechecks.rechecked),
  };
}

const SHARED_FORMULAS = {
  participationRate: '实参学人数 ÷ (应参学人数 − 请假人数)',
  stepCompletion: '当前阶段已完成必做步骤数 ÷ 当前阶段必做步骤数',
  satisfactionRate: '(满意 + 比较满意 + 基本满意) ÷ 全部测评票（最近一轮已结束的测评）',
  reboundRate: '“回头看”中反弹的问题数 ÷ “回头看”复查的问题数',
};

export const METRIC_DEFINITIONS: Readonly<Record<MetricsVersion, MetricDefinition>> = {
  1: {
    version: 1,
    name: '指标口径第1版（已销号才算完成）',
    formulas: {
      ...SHARED_FORMULAS,
      completionRate: '已销号问题数 ÷ 全部问题数（暂缓解决的问题计为未完成）',
      onTimeRate: '在整改时限内销号的问题数 ÷ 有整改时限的已销号问题数',
    },
    changes: null,
    compute: (c) => ({
      metricsVersion: 1,
      ...common(c),
      completionRate: ratio(c.problems.closed, c.problems.total),
      onTimeRate: ratio(c.problems.closedOnTime, c.problems.closedWithDeadline),
    }),
  },
  2: {
    version: 2,
    name: '指标口径第2版（验收通过即算完成）',
    formulas: {
      ...SHARED_FORMULAS,
      completionRate: '已验收或已销号问题数 ÷ 全部问题数（暂缓解决的问题计为未完成）',
      onTimeRate: '在整改时限内通过验收的问题数 ÷ 有整改时限的已验收或已销号问题数',
    },
    changes:
      '验收通过（已验收待销号）即计为完成，完成时间取验收时间：销号只是手续，不应让等待销号的问题拉低完成率和按期率。' +
      '(v2 counts a verified problem as done, at its verification date.)',
    compute: (c) => ({
      metricsVersion: 2,
      ...common(c),
      completionRate: ratio(c.problems.verifiedOrClosed, c.problems.total),
      onTimeRate: ratio(c.problems.verifiedOrClosedOnTime, c.problems.verifiedOrClosedWithDeadline),
    }),
  },
};

export function isMetricsVersion(v: unknown): v is MetricsVersion {
  return (METRICS_VERSIONS as readonly unknown[]).includes(v);
}

export function computeMetrics(counts: MetricCounts, version: MetricsVersion = DEFAULT_METRICS_VERSION): Metrics {
  return METRIC_DEFINITIONS[version].compute(counts);
}
