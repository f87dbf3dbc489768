import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { ChangeDeadlineCommand } from './change-deadline.command';

@CommandHandler(ChangeDeadlineCommand)
export class ChangeDeadlineHandler implements ICommandHandler<ChangeDeadlineCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, request: r }: ChangeDeadlineCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'ChangeDeadline', ...this.runner.context(meta), deadline: r.deadline, reason: r.reason },
      { command: 'ChangeDeadline', problemId, ...r },
    );
  }
}
