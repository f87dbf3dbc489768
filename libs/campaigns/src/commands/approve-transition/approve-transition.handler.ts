import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignFactsLoader } from '../../campaign-facts';
import { ApproveTransitionCommand } from './approve-transition.command';

@CommandHandler(ApproveTransitionCommand)
export class ApproveTransitionHandler implements ICommandHandler<ApproveTransitionCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly campaigns: CampaignFactsLoader) {}

  async execute({ meta, campaignId, unitId, request: r }: ApproveTransitionCommand): Promise<CommandResult> {
    const campaign = await this.campaigns.forUnit(campaignId, unitId);
    return this.runner.run(
      progressStreamId(campaignId, unitId),
      unitProgressDecider,
      meta,
      { type: 'ApproveTransition', ...this.runner.context(meta), campaign, unitId, phaseKey: r.phaseKey, comment: r.comment ?? '' },
      { command: 'ApproveTransition', campaignId, unitId, ...r },
    );
  }
}
