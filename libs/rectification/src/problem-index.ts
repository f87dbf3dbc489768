import { Inject, Injectable } from '@nestjs/common';
import { evolveProblem, initialProblemState, involvedUnitIds, PROBLEM_EVENT_TYPES, ProblemEvent, ProblemState } from '@platform/domain';
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
  private position = 0;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async get(problemId: string): Promise<ProblemState | undefined> {
    await this.refresh();
    return this.problems.get(problemId);
  }

  async all(): Promise<ProblemState[]> {
    await this.refresh();
    return [...this.problems.values()];
  }

  /** Concurrent callers may read the same batch; the position guard applies each event once. */
  private async refresh(): Promise<void> {
    for (;;) {
      const batch = await this.store.readAll({ after: this.position, types: PROBLEM_EVENT_TYPES, streamPrefix: PREFIX, limit: 5000 });
      if (batch.length === 0) return;
      for (const e of batch) {
        if (e.position <= this.position) continue;
        const problemId = e.streamId.slice(PREFIX.length);
        const state = this.problems.get(problemId) ?? initialProblemState();
        this.problems.set(problemId, evolveProblem(state, e as unknown as ProblemEvent));
        this.position = e.position;
      }
    }
  }
}

/** Units that work or worked on a problem, in any cycle: each of them may read its whole history. */
export function unitsOfProblem(s: ProblemState): string[] {
  const earlier = s.cycles.flatMap((c) => (c.joint ? [c.joint.coordinatorUnitId, ...c.joint.parts.map((p) => p.unitId)] : []));
  return [...new Set([...involvedUnitIds(s), ...earlier])];
}
