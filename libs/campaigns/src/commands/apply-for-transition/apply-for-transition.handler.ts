import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignFactsLoader } from '../../campaign-facts';
import { ApplyForTransitionCommand } from './apply-for-transition.command';

@CommandHandler(ApplyForTransitionCommand)
export class ApplyForTransitionHandler implements ICommandHandler<ApplyForTransitionCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly campaigns: CampaignFactsLoader) {}

  async execute({ meta, campaignId, unitId, request: r }: ApplyForTransitionCommand): Promise<CommandResult> {
    const campaign = await this.campaigns.forUnit(campaignId, unitId);
    return this.runner.run(
      progressStreamId(campaignId, unitId),
      unitProgressDecider,
      meta,
      { type: 'ApplyForTransition', ...this.runner.context(meta), campaign, unitId, phaseKey: r.phaseKey, note: r.note ?? '' },
      { command: 'ApplyForTransition', campaignId, unitId, ...r },
    );
  }
}
