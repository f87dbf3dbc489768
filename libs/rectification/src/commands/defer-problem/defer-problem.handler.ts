import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { DeferProblemCommand } from './defer-problem.command';

@CommandHandler(DeferProblemCommand)
export class DeferProblemHandler implements ICommandHandler<DeferProblemCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, request: r }: DeferProblemCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      {
        type: 'DeferProblem',
        ...this.runner.context(meta),
        constraint: r.constraint,
        explanation: { text: r.explanation.text, date: r.explanation.date },
        reReviewDate: r.reReviewDate,
        gradualMeasures: r.gradualMeasures,
      },
      { command: 'DeferProblem', problemId, ...r },
    );
  }
}
