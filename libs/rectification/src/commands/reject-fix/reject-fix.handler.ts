import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { RejectFixCommand } from './reject-fix.command';

@CommandHandler(RejectFixCommand)
export class RejectFixHandler implements ICommandHandler<RejectFixCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, request: r }: RejectFixCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'RejectFix', ...this.runner.context(meta), reason: r.reason },
      { command: 'RejectFix', problemId, ...r },
    );
  }
}
