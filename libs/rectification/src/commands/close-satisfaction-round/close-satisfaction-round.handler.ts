import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import { RectificationFactsLoader } from '../../rectification-facts';
import { CloseSatisfactionRoundCommand } from './close-satisfaction-round.command';

@CommandHandler(CloseSatisfactionRoundCommand)
export class CloseSatisfactionRoundHandler implements ICommandHandler<CloseSatisfactionRoundCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly facts: RectificationFactsLoader) {}

  async execute({ meta, campaignId, unitId, request: r }: CloseSatisfactionRoundCommand): Promise<CommandResult> {
    const campaign = await this.facts.satisfaction(campaignId, unitId);
    return this.runner.run(
      satisfactionStreamId(campaignId, unitId),
      satisfactionDecider,
      meta,
      { type: 'CloseSatisfactionRound', ...this.runner.context(meta), campaign, unitId, round: r.round },
      { command: 'CloseSatisfactionRound', campaignId, unitId, ...r },
    );
  }
}
