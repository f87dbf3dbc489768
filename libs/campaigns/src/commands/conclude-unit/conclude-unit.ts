import { streamUseCase } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignPorts } from '../../campaign-commands';
import { unitCampaignFacts } from '../../campaign-facts';
import type { ConcludeUnitRequest } from './conclude-unit.http';

export const concludeUnit = streamUseCase(unitProgressDecider)({
  name: 'ConcludeUnit',
  streamId: (i: { campaignId: string; unitId: string } & ConcludeUnitRequest) => progressStreamId(i.campaignId, i.unitId),
  facts: (i, ports: CampaignPorts) => unitCampaignFacts(ports, i.campaignId, i.unitId),
  toCommand: (i, campaign, context) => ({ type: 'ConcludeUnit', ...context, campaign, unitId: i.unitId, summary: i.summary, outcome: i.outcome ?? null }),
});
