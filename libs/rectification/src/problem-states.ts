import { Injectable } from '@nestjs/common';
import { StreamCommandRunner, StreamStates } from '@platform/common';
import { involvedUnitIds, problemDecider, ProblemEvent, ProblemState, problemStreamId } from '@platform/domain';

/**
 * A problem's state folded from its own stream, as stored now: what access checks and the public
 * page read of one problem. Questions over many problems (which deadlines are due, what a campaign
 * published) go to the ledger read model instead.
 */
@Injectable()
export class ProblemStates {
  private readonly states: StreamStates<ProblemState, ProblemEvent>;

  /** The command runner's own folded problems: what an access check folded, the command finds up to date. */
  constructor(runner: StreamCommandRunner) {
    this.states = runner.streams.of(problemDecider);
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
