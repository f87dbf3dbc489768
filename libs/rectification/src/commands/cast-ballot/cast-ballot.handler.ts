import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import { RectificationFactsLoader } from '../../rectification-facts';
import { CastBallotCommand } from './cast-ballot.command';

@CommandHandler(CastBallotCommand)
export class CastBallotHandler implements ICommandHandler<CastBallotCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly facts: RectificationFactsLoader) {}

  async execute({ meta, campaignId, unitId, request: r }: CastBallotCommand): Promise<CommandResult> {
    const campaign = await this.facts.satisfaction(campaignId, unitId);
    return this.runner.run(
      satisfactionStreamId(campaignId, unitId),
      satisfactionDecider,
      meta,
      { type: 'CastBallot', ...this.runner.context(meta), campaign, unitId, round: r.round, ballotId: r.ballotId, grade: r.grade },
      { command: 'CastBallot', campaignId, unitId, ...r },
    );
  }
}
