import { streamUseCase } from '@platform/common';
import { unitCampaignFacts } from '@platform/campaigns';
import { memberRosterDecider, memberRosterStreamId } from '@platform/domain';
import { MemberPorts } from '../../member-commands';
import type { RecordMemberParticipationRequest } from './record-member-participation.http';

export const recordMemberParticipation = streamUseCase(memberRosterDecider)({
  name: 'RecordMemberParticipation',
  streamId: (i: { campaignId: string; unitId: string } & RecordMemberParticipationRequest) => memberRosterStreamId(i.unitId),
  facts: (i, ports: MemberPorts) => unitCampaignFacts(ports, i.campaignId, i.unitId),
  toCommand: (i, campaign, context) => ({
    type: 'RecordMemberParticipation',
    ...context,
    unitId: i.unitId,
    campaign,
    stepId: i.stepKey,
    attended: i.attended,
    excused: (i.excused ?? []).map((e) => ({ memberId: e.memberId, reason: e.reason })),
  }),
});
