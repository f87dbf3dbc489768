import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignFactsLoader } from '../../campaign-facts';
import { RecordParticipationCommand } from './record-participation.command';

@CommandHandler(RecordParticipationCommand)
export class RecordParticipationHandler implements ICommandHandler<RecordParticipationCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly campaigns: CampaignFactsLoader) {}

  async execute({ meta, campaignId, unitId, request: r }: RecordParticipationCommand): Promise<CommandResult> {
    const campaign = await this.campaigns.forUnit(campaignId, unitId);
    return this.runner.run(
      progressStreamId(campaignId, unitId),
      unitProgressDecider,
      meta,
      { type: 'RecordParticipation', ...this.runner.context(meta, r.occurredAt), campaign, unitId, shouldAttend: r.shouldAttend, attended: r.attended, excused: r.excused ?? [] },
      { command: 'RecordParticipation', campaignId, unitId, ...r },
    );
  }
}
