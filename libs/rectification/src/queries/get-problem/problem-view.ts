import {
  HANDLING_NAMES,
  openDeadlines,
  PROBLEM_SOURCE_NAMES,
  PROBLEM_STATUS_NAMES,
  ProblemState,
  TIMING_CLASS_NAMES,
  WarningThresholds,
} from '@platform/domain';
import { WarningStatus, warningStatus } from '../../warnings/warning-status';

/**
 * The whole state of a problem for staff, with today's warning for each running deadline (null
 * where none runs: no date, deferred, claimed, closed). The last recorded warning stays in
 * `current.lastWarning` and in each part, whatever today's level.
 */
export function problemView(s: ProblemState, today: string, thresholds: WarningThresholds) {
  const deadlines = openDeadlines(s);
  const warningOf = (partId: string | null): WarningStatus | null => {
    const d = deadlines.find((x) => x.partId === partId);
    return d ? warningStatus(d, today, thresholds) : null;
  };
  const c = s.current;
  return {
    ...s,
    sourceName: s.source ? PROBLEM_SOURCE_NAMES[s.source] : null,
    statusName: PROBLEM_STATUS_NAMES[s.status],
    handlingName: HANDLING_NAMES[s.handling],
    timingName: c.plan ? TIMING_CLASS_NAMES[c.plan.timing] : null,
    warning: warningOf(null),
    current: {
      ...c,
      joint: c.joint ? { ...c.joint, parts: c.joint.parts.map((p) => ({ ...p, warning: warningOf(p.partId) })) } : null,
    },
  };
}
