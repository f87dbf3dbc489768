import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { RectificationFactsLoader } from '../../rectification-facts';
import { RecheckProblemCommand } from './recheck-problem.command';

@CommandHandler(RecheckProblemCommand)
export class RecheckProblemHandler implements ICommandHandler<RecheckProblemCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly facts: RectificationFactsLoader) {}

  async execute({ meta, problemId, request: r }: RecheckProblemCommand): Promise<CommandResult> {
    const lookBack = await this.facts.campaign(r.lookBackCampaignId);
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'RecheckProblem', ...this.runner.context(meta), lookBack, outcome: r.outcome, finding: r.finding },
      { command: 'RecheckProblem', problemId, ...r },
    );
  }
}
