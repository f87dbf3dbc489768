import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import { RectificationFactsLoader } from '../../rectification-facts';
import { OpenSatisfactionRoundCommand } from './open-satisfaction-round.command';

@CommandHandler(OpenSatisfactionRoundCommand)
export class OpenSatisfactionRoundHandler implements ICommandHandler<OpenSatisfactionRoundCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly facts: RectificationFactsLoader) {}

  async execute({ meta, campaignId, unitId, request: r }: OpenSatisfactionRoundCommand): Promise<CommandResult> {
    const campaign = await this.facts.satisfaction(campaignId, unitId);
    return this.runner.run(
      satisfactionStreamId(campaignId, unitId),
      satisfactionDecider,
      meta,
      { type: 'OpenSatisfactionRound', ...this.runner.context(meta), campaign, unitId, round: r.round },
      { command: 'OpenSatisfactionRound', campaignId, unitId, ...r },
    );
  }
}
