import { streamUseCase } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import { RectificationPorts, rectificationFacts } from '../../rectification-facts';
import type { RecordBallotTallyRequest } from './record-ballot-tally.http';

export const recordBallotTally = streamUseCase(satisfactionDecider)({
  name: 'RecordBallotTally',
  streamId: (i: { campaignId: string; unitId: string } & RecordBallotTallyRequest) => satisfactionStreamId(i.campaignId, i.unitId),
  facts: (i, ports: RectificationPorts) => rectificationFacts.satisfaction(ports, i.campaignId, i.unitId),
  toCommand: (i, campaign, context) => ({ type: 'RecordBallotTally', ...context, campaign, unitId: i.unitId, round: i.round, tallyId: i.tallyId, meeting: i.meeting, counts: { ...i.counts } }),
});
