import { streamUseCase } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import { RectificationPorts, rectificationFacts } from '../../rectification-facts';
import type { CastBallotRequest } from './cast-ballot.http';

export const castBallot = streamUseCase(satisfactionDecider)({
  name: 'CastBallot',
  streamId: (i: { campaignId: string; unitId: string } & CastBallotRequest) => satisfactionStreamId(i.campaignId, i.unitId),
  facts: (i, ports: RectificationPorts) => rectificationFacts.satisfaction(ports, i.campaignId, i.unitId),
  toCommand: (i, campaign, context) => ({ type: 'CastBallot', ...context, campaign, unitId: i.unitId, round: i.round, ballotId: i.ballotId, grade: i.grade }),
});
