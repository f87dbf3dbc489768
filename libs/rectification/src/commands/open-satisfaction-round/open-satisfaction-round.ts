import { streamUseCase } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import { RectificationPorts, rectificationFacts } from '../../rectification-facts';
import type { OpenSatisfactionRoundRequest } from './open-satisfaction-round.http';

export const openSatisfactionRound = streamUseCase(satisfactionDecider)({
  name: 'OpenSatisfactionRound',
  streamId: (i: { campaignId: string; unitId: string } & OpenSatisfactionRoundRequest) => satisfactionStreamId(i.campaignId, i.unitId),
  facts: (i, ports: RectificationPorts) => rectificationFacts.satisfaction(ports, i.campaignId, i.unitId),
  toCommand: (i, campaign, context) => ({ type: 'OpenSatisfactionRound', ...context, campaign, unitId: i.unitId, round: i.round }),
});
