import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { ReviewDeferralCommand } from './review-deferral.command';

@CommandHandler(ReviewDeferralCommand)
export class ReviewDeferralHandler implements ICommandHandler<ReviewDeferralCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, request: r }: ReviewDeferralCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'ReviewDeferral', ...this.runner.context(meta), finding: r.finding, reReviewDate: r.reReviewDate },
      { command: 'ReviewDeferral', problemId, ...r },
    );
  }
}
