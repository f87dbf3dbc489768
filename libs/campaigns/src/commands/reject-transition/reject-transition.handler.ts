import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignFactsLoader } from '../../campaign-facts';
import { RejectTransitionCommand } from './reject-transition.command';

@CommandHandler(RejectTransitionCommand)
export class RejectTransitionHandler implements ICommandHandler<RejectTransitionCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly campaigns: CampaignFactsLoader) {}

  async execute({ meta, campaignId, unitId, request: r }: RejectTransitionCommand): Promise<CommandResult> {
    const campaign = await this.campaigns.forUnit(campaignId, unitId);
    return this.runner.run(
      progressStreamId(campaignId, unitId),
      unitProgressDecider,
      meta,
      { type: 'RejectTransition', ...this.runner.context(meta), campaign, unitId, phaseKey: r.phaseKey, reason: r.reason },
      { command: 'RejectTransition', campaignId, unitId, ...r },
    );
  }
}
