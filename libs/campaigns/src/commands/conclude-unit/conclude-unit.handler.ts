import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignFactsLoader } from '../../campaign-facts';
import { ConcludeUnitCommand } from './conclude-unit.command';

@CommandHandler(ConcludeUnitCommand)
export class ConcludeUnitHandler implements ICommandHandler<ConcludeUnitCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly campaigns: CampaignFactsLoader) {}

  async execute({ meta, campaignId, unitId, request: r }: ConcludeUnitCommand): Promise<CommandResult> {
    const campaign = await this.campaigns.forUnit(campaignId, unitId);
    return this.runner.run(
      progressStreamId(campaignId, unitId),
      unitProgressDecider,
      meta,
      { type: 'ConcludeUnit', ...this.runner.context(meta), campaign, unitId, summary: r.summary, outcome: r.outcome ?? null },
      { command: 'ConcludeUnit', campaignId, unitId, ...r },
    );
  }
}
