import { streamUseCase } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignPorts } from '../../campaign-commands';
import { unitCampaignFacts } from '../../campaign-facts';
import type { RejectTransitionRequest } from './reject-transition.http';

export const rejectTransition = streamUseCase(unitProgressDecider)({
  name: 'RejectTransition',
  streamId: (i: { campaignId: string; unitId: string } & RejectTransitionRequest) => progressStreamId(i.campaignId, i.unitId),
  facts: (i, ports: CampaignPorts) => unitCampaignFacts(ports, i.campaignId, i.unitId),
  toCommand: (i, campaign, context) => ({ type: 'RejectTransition', ...context, campaign, unitId: i.unitId, phaseKey: i.phaseKey, reason: i.reason }),
});
