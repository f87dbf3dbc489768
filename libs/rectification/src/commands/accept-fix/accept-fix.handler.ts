import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { AcceptFixCommand } from './accept-fix.command';

@CommandHandler(AcceptFixCommand)
export class AcceptFixHandler implements ICommandHandler<AcceptFixCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, request: r }: AcceptFixCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'AcceptFix', ...this.runner.context(meta), comment: r.comment ?? '' },
      { command: 'AcceptFix', problemId, ...r },
    );
  }
}
