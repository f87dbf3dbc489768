import { streamUseCase } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignPorts } from '../../campaign-commands';
import { unitCampaignFacts } from '../../campaign-facts';
import type { ApproveTransitionRequest } from './approve-transition.http';

export const approveTransition = streamUseCase(unitProgressDecider)({
  name: 'ApproveTransition',
  streamId: (i: { campaignId: string; unitId: string } & ApproveTransitionRequest) => progressStreamId(i.campaignId, i.unitId),
  facts: (i, ports: CampaignPorts) => unitCampaignFacts(ports, i.campaignId, i.unitId),
  toCommand: (i, campaign, context) => ({ type: 'ApproveTransition', ...context, campaign, unitId: i.unitId, phaseKey: i.phaseKey, comment: i.comment ?? '' }),
});
