import { currentDeferral, ProblemState } from './problem-state';
import { Handling, ProblemSource, ProblemStatus, TimingClass } from './problem-vocabulary';

/** What 公示 shows the masses: the plan and its fate, never a person's name or id. */
export interface PublicProblemView {
  readonly problemId: string;
  readonly source: ProblemSource;
  readonly category: string;
  readonly description: string;
  readonly responsibleUnitId: string;
  readonly cycle: number;
  readonly status: ProblemStatus;
  readonly handling: Handling;
  readonly measures: readonly string[];
  readonly timing: TimingClass;
  readonly deadline: string | null;
  readonly deadlineChanges: readonly { readonly previousDeadline: string | null; readonly deadline: string; readonly reason: string }[];
  readonly deferral: {
    readonly constraint: string;
    readonly explanation: { readonly text: string; readonly date: string };
    readonly reReviewDate: string;
    readonly gradualMeasures: readonly string[];
  } | null;
  readonly jointParts: readonly { readonly unitId: string; readonly description: string; readonly deadline: string; readonly closed: boolean }[];
  readonly mechanisms: string | null;
}

/** null until the current cycle's plan is published. */
export function publicView(s: ProblemState): PublicProblemView | null {
  const c = s.current;
  if (!s.exists || !s.source || !c.plan || !c.published) return null;
  const deferral = currentDeferral(c);
  return {
    problemId: s.problemId,
    source: s.source,
    category: s.category,
    description: s.description,
    responsibleUnitId: s.responsibleUnitId,
    cycle: c.number,
    status: c.status,
    handling: c.handling,
    measures: c.plan.measures,
    timing: c.plan.timing,
    deadline: c.plan.deadline,
    deadlineChanges: c.deadlineChanges.map(({ previousDeadline, deadline, reason }) => ({ previousDeadline, deadline, reason })),
    deferral: deferral
      ? {
          constraint: deferral.constraint,
          explanation: deferral.explanation,
          reReviewDate: deferral.reReviewDate,
          gradualMeasures: deferral.gradualMeasures,
        }
      : null,
    jointParts: (c.joint?.parts ?? []).map(({ unitId, description, deadline, closed }) => ({ unitId, description, deadline, closed })),
    mechanisms: c.closure?.mechanisms ?? null,
  };
}
