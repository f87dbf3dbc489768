import { streamUseCase } from '@platform/common';
import { memberRosterDecider, memberRosterStreamId } from '@platform/domain';
import type { AddMemberRequest } from './add-member.http';

export const addMember = streamUseCase(memberRosterDecider)({
  name: 'AddMember',
  streamId: (i: { unitId: string } & AddMemberRequest) => memberRosterStreamId(i.unitId),
  toCommand: (i, _facts, context) => ({ type: 'AddMember', ...context, unitId: i.unitId, row: { memberId: i.memberId, name: i.name, status: i.status, workplace: i.workplace ?? '' } }),
});
