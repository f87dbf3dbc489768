import { streamUseCase } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignPorts } from '../../campaign-commands';
import { unitCampaignFacts } from '../../campaign-facts';
import type { RecordStepRequest } from './record-step.http';

export const recordStep = streamUseCase(unitProgressDecider)({
  name: 'RecordStep',
  streamId: (i: { campaignId: string; unitId: string } & RecordStepRequest) => progressStreamId(i.campaignId, i.unitId),
  occurredAt: (i) => i.occurredAt,
  facts: (i, ports: CampaignPorts) => unitCampaignFacts(ports, i.campaignId, i.unitId),
  toCommand: (i, campaign, context) => ({ type: 'RecordStep', ...context, campaign, unitId: i.unitId, phaseKey: i.phaseKey, stepKey: i.stepKey, evidence: i.evidence, attachmentRef: i.attachmentRef ?? null, quantity: i.quantity ?? null }),
});
