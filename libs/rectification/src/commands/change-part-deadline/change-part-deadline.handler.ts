import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { ChangePartDeadlineCommand } from './change-part-deadline.command';

@CommandHandler(ChangePartDeadlineCommand)
export class ChangePartDeadlineHandler implements ICommandHandler<ChangePartDeadlineCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, partId, request: r }: ChangePartDeadlineCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'ChangePartDeadline', ...this.runner.context(meta), partId, deadline: r.deadline, reason: r.reason },
      { command: 'ChangePartDeadline', problemId, partId, ...r },
    );
  }
}
