import { Inject, Injectable } from '@nestjs/common';
import { StreamStates } from '@platform/common';
import { involvedUnitIds, problemDecider, ProblemEvent, ProblemState, problemStreamId } from '@platform/domain';
import { EVENT_STORE, EventStore } from '@platform/event-store';

/**
 * A problem's state folded from its own stream, as stored now: what access checks and the public
 * page read of one problem. Questions over many problems (which deadlines are due, what a campaign
 * published) go to the ledger read model instead.
 */
@Injectable()
export class ProblemStates {
  private readonly states: StreamStates<ProblemState, ProblemEvent>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.states = new StreamStates(store, problemDecider);
  }

  async get(problemId: string): Promise<ProblemState | undefined> {
    const { state } = await this.states.get(problemStreamId(problemId));
    return state.exists ? state : undefined;
  }
}

/** Units that work or worked on a problem, in any cycle: each of them may read its whole history. */
export function unitsOfProblem(s: ProblemState): string[] {
  const earlier = s.cycles.flatMap((c) => (c.joint ? [c.joint.coordinatorUnitId, ...c.joint.parts.map((p) => p.unitId)] : []));
  return [...new Set([...involvedUnitIds(s), ...earlier])];
}
