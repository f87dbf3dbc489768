import { Inject, Injectable } from '@nestjs/common';
import { evolveProblem, initialProblemState, involvedUnitIds, PROBLEM_EVENT_TYPES, ProblemEvent, ProblemState } from '@platform/domain';
import { EventFold } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';

const PREFIX = 'problem-';

/**
 * Every problem's state, folded from problem events: the warning job finds open deadlines here,
 * scope lookups the units involved, the public pages the published plans. Like
 * OrganizationDirectory it reads only what was appended since its last position, so a caller
 * always sees the writes made before it asked.
 */
@Injectable()
export class ProblemIndex {
  private readonly problems = new Map<string, ProblemState>();
  private readonly fold: EventFold;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.fold = new EventFold(store, { types: PROBLEM_EVENT_TYPES, streamPrefix: PREFIX }, (e) => {
      const problemId = e.streamId.slice(PREFIX.length);
      this.problems.set(problemId, evolveProblem(this.problems.get(problemId) ?? initialProblemState(), e as unknown as ProblemEvent));
    });
  }

  async get(problemId: string): Promise<ProblemState | undefined> {
    await this.fold.refresh();
    return this.problems.get(problemId);
  }

  async all(): Promise<ProblemState[]> {
    await this.fold.refresh();
    return [...this.problems.values()];
  }
}

/** Units that work or worked on a problem, in any cycle: each of them may read its whole history. */
export function unitsOfProblem(s: ProblemState): string[] {
  const earlier = s.cycles.flatMap((c) => (c.joint ? [c.joint.coordinatorUnitId, ...c.joint.parts.map((p) => p.unitId)] : []));
  return [...new Set([...involvedUnitIds(s), ...earlier])];
}
