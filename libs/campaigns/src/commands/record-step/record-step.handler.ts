import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignFactsLoader } from '../../campaign-facts';
import { RecordStepCommand } from './record-step.command';

@CommandHandler(RecordStepCommand)
export class RecordStepHandler implements ICommandHandler<RecordStepCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly campaigns: CampaignFactsLoader) {}

  async execute({ meta, campaignId, unitId, request: r }: RecordStepCommand): Promise<CommandResult> {
    const campaign = await this.campaigns.forUnit(campaignId, unitId);
    return this.runner.run(
      progressStreamId(campaignId, unitId),
      unitProgressDecider,
      meta,
      { type: 'RecordStep', ...this.runner.context(meta, r.occurredAt), campaign, unitId, phaseKey: r.phaseKey, stepKey: r.stepKey, evidence: r.evidence, attachmentRef: r.attachmentRef ?? null, quantity: r.quantity ?? null },
      { command: 'RecordStep', campaignId, unitId, ...r },
    );
  }
}
