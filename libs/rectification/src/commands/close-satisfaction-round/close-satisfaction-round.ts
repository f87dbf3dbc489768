import { streamUseCase } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import { RectificationPorts, rectificationFacts } from '../../rectification-facts';
import type { CloseSatisfactionRoundRequest } from './close-satisfaction-round.http';

export const closeSatisfactionRound = streamUseCase(satisfactionDecider)({
  name: 'CloseSatisfactionRound',
  streamId: (i: { campaignId: string; unitId: string } & CloseSatisfactionRoundRequest) => satisfactionStreamId(i.campaignId, i.unitId),
  facts: (i, ports: RectificationPorts) => rectificationFacts.satisfaction(ports, i.campaignId, i.unitId),
  toCommand: (i, campaign, context) => ({ type: 'CloseSatisfactionRound', ...context, campaign, unitId: i.unitId, round: i.round }),
});
