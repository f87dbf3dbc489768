import { streamUseCase } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignPorts } from '../../campaign-commands';
import { unitCampaignFacts } from '../../campaign-facts';
import type { ApplyForTransitionRequest } from './apply-for-transition.http';

export const applyForTransition = streamUseCase(unitProgressDecider)({
  name: 'ApplyForTransition',
  streamId: (i: { campaignId: string; unitId: string } & ApplyForTransitionRequest) => progressStreamId(i.campaignId, i.unitId),
  facts: (i, ports: CampaignPorts) => unitCampaignFacts(ports, i.campaignId, i.unitId),
  toCommand: (i, campaign, context) => ({ type: 'ApplyForTransition', ...context, campaign, unitId: i.unitId, phaseKey: i.phaseKey, note: i.note ?? '' }),
});
