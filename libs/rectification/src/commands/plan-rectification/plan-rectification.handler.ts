import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { PlanRectificationCommand } from './plan-rectification.command';

@CommandHandler(PlanRectificationCommand)
export class PlanRectificationHandler implements ICommandHandler<PlanRectificationCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, request: r }: PlanRectificationCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'PlanRectification', ...this.runner.context(meta), measures: r.measures, timing: r.timing, deadline: r.deadline ?? null },
      { command: 'PlanRectification', problemId, ...r },
    );
  }
}
