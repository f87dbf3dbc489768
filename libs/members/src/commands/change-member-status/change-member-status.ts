import { streamUseCase } from '@platform/common';
import { memberRosterDecider, memberRosterStreamId } from '@platform/domain';
import type { ChangeMemberStatusRequest } from './change-member-status.http';

export const changeMemberStatus = streamUseCase(memberRosterDecider)({
  name: 'ChangeMemberStatus',
  streamId: (i: { unitId: string; memberId: string } & ChangeMemberStatusRequest) => memberRosterStreamId(i.unitId),
  toCommand: (i, _facts, context) => ({
    type: 'ChangeMemberStatus',
    ...context,
    unitId: i.unitId,
    memberId: i.memberId,
    to: i.to,
    workplace: i.workplace ?? null,
    toUnit: i.toUnit ?? null,
    effectiveOn: i.effectiveOn,
    reason: i.reason ?? '',
  }),
});
