import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, ProblemCommand, problemStreamId, ProblemState } from '@platform/domain';
import { RectificationFactsLoader } from '../../rectification-facts';
import { EscalateToJointCommand } from './escalate-to-joint.command';

@CommandHandler(EscalateToJointCommand)
export class EscalateToJointHandler implements ICommandHandler<EscalateToJointCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly facts: RectificationFactsLoader) {}

  async execute({ meta, problemId, request: r }: EscalateToJointCommand): Promise<CommandResult> {
    const context = this.runner.context(meta);
    const units = await this.facts.units(r.parts.map((p) => p.unitId));
    // Whether the coordinator sits above the responsible unit depends on the problem's own state.
    const command = async (s: ProblemState): Promise<ProblemCommand> => ({
      type: 'EscalateToJoint',
      ...context,
      coordinator: await this.facts.coordinator(r.coordinatorUnitId, s.responsibleUnitId),
      reason: r.reason,
      parts: r.parts.map((p, i) => ({ partId: p.partId, unit: units[i], description: p.description, deadline: p.deadline })),
    });
    return this.runner.run(problemStreamId(problemId), problemDecider, meta, command, { command: 'EscalateToJoint', problemId, ...r });
  }
}
