import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { CloseProblemCommand } from './close-problem.command';

@CommandHandler(CloseProblemCommand)
export class CloseProblemHandler implements ICommandHandler<CloseProblemCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, request: r }: CloseProblemCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'CloseProblem', ...this.runner.context(meta), mechanisms: r.mechanisms ?? null },
      { command: 'CloseProblem', problemId, ...r },
    );
  }
}
