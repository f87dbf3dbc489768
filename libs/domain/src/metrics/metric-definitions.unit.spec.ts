import { emptyCounts } from '../satisfaction/satisfaction-grades';
import { addMetricCounts, emptyMetricCounts, MetricCounts, sumMetricCounts } from './metric-counts';
import { computeMetrics, DEFAULT_METRICS_VERSION, METRIC_DEFINITIONS, METRICS_VERSIONS, ratio } from './metric-definitions';
import { problemOutcomeCounts } from './problem-outcome';

const unit = (over: Partial<MetricCounts>): MetricCounts => ({ ...emptyMetricCounts(), ...over });

describe('metric definitions', () => {
  it('answers null, not 0 or 100 %, when a rate has nothing to divide by', () => {
    expect(ratio(0, 0)).toBeNull();
    for (const v of METRICS_VERSIONS) {
      expect(computeMetrics(emptyMetricCounts(), v)).toEqual({
        metricsVersion: v,
        participationRate: null,
        stepCompletion: null,
        completionRate: null,
        onTimeRate: null,
        satisfactionRate: null,
        reboundRate: null,
      });
    }
  });

  it('computes each rate as the brief defines it (v1 is the default)', () => {
    expect(DEFAULT_METRICS_VERSION).toBe(1);
    const m = computeMetrics(
      unit({
        participation: { shouldAttend: 40, attended: 36, excused: 2 },
        steps: { requiredDone: 3, requiredTotal: 4 },
        problems: {
          total: 8,
          closed: 2,
          closedWithDeadline: 2,
          closedOnTime: 1,
          verifiedOrClosed: 4,
          verifiedOrClosedWithDeadline: 3,
          verifiedOrClosedOnTime: 3,
        },
        ballots: { satisfied: 50, fairly_satisfied: 20, basically_satisfied: 10, dissatisfied: 20 },
        rechecks: { rechecked: 5, rebounded: 1 },
      }),
    );
    expect(m).toEqual({
      metricsVersion: 1,
      participationRate: 36 / 38,
      stepCompletion: 0.75,
      completionRate: 0.25,
      onTimeRate: 0.5,
      satisfactionRate: 0.8,
      reboundRate: 0.2,
    });
  });

  it('v2 counts a verified problem as done, at its verification date', () => {
    const verified = problemOutcomeCounts({
      status: 'verified',
      closedAt: null,
      closedDeadline: null,
      verifiedAt: '2025-10-01T09:00:00.000Z',
      verifiedDeadline: '2025-10-01',
    });
    const deferred = problemOutcomeCounts({ status: 'deferred', closedAt: null, closedDeadline: null, verifiedAt: null, verifiedDeadline: null });
    const counts = unit({ problems: addMetricCounts(unit({ problems: verified }), unit({ problems: deferred })).problems });
    expect(computeMetrics(counts, 1)).toMatchObject({ completionRate: 0, onTimeRate: null });
    expect(computeMetrics(counts, 2)).toMatchObject({ completionRate: 0.5, onTimeRate: 1 });
    expect(METRIC_DEFINITIONS[2].changes).toContain('验收');
  });

  it('judges on-time by calendar day: the deadline day is still on time, the day after is late', () => {
    const closed = (closedAt: string) =>
      problemOutcomeCounts({ status: 'closed', closedAt, closedDeadline: '2025-10-01', verifiedAt: '2025-09-20T00:00:00Z', verifiedDeadline: '2025-10-01' });
    expect(closed('2025-10-01T23:00:00.000Z')).toMatchObject({ closed: 1, closedWithDeadline: 1, closedOnTime: 1, verifiedOrClosedOnTime: 1 });
    expect(closed('2025-10-02T01:00:00.000Z')).toMatchObject({ closed: 1, closedOnTime: 0, verifiedOrClosedOnTime: 1 });
    const noDeadline = problemOutcomeCounts({ status: 'closed', closedAt: '2025-10-02', closedDeadline: null, verifiedAt: null, verifiedDeadline: null });
    expect(noDeadline).toMatchObject({ closed: 1, closedWithDeadline: 0, closedOnTime: 0 });
  });

  it('rolls up by summing counts and recomputing, never by averaging rates', () => {
    const small = unit({ participation: { shouldAttend: 10, attended: 10, excused: 0 }, ballots: { ...emptyCounts(), satisfied: 1 } });
    const large = unit({ participation: { shouldAttend: 100, attended: 50, excused: 0 }, ballots: { ...emptyCounts(), dissatisfied: 3 } });
    const m = computeMetrics(sumMetricCounts([small, large]));
    expect(m.participationRate).toBeCloseTo(60 / 110);
    expect(m.satisfactionRate).toBe(0.25);
  });
});
