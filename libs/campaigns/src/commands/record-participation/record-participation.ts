import { streamUseCase } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignPorts } from '../../campaign-commands';
import { unitCampaignFacts } from '../../campaign-facts';
import type { RecordParticipationRequest } from './record-participation.http';

export const recordParticipation = streamUseCase(unitProgressDecider)({
  name: 'RecordParticipation',
  streamId: (i: { campaignId: string; unitId: string } & RecordParticipationRequest) => progressStreamId(i.campaignId, i.unitId),
  occurredAt: (i) => i.occurredAt,
  facts: (i, ports: CampaignPorts) => unitCampaignFacts(ports, i.campaignId, i.unitId),
  toCommand: (i, campaign, context) => ({ type: 'RecordParticipation', ...context, campaign, unitId: i.unitId, shouldAttend: i.shouldAttend, attended: i.attended, excused: i.excused ?? [] }),
});
