import { streamUseCase } from '@platform/common';
import { memberRosterDecider, memberRosterStreamId } from '@platform/domain';
import type { RenameMemberRequest } from './rename-member.http';

export const renameMember = streamUseCase(memberRosterDecider)({
  name: 'RenameMember',
  streamId: (i: { unitId: string; memberId: string } & RenameMemberRequest) => memberRosterStreamId(i.unitId),
  toCommand: (i, _facts, context) => ({ type: 'RenameMember', ...context, unitId: i.unitId, memberId: i.memberId, name: i.name }),
});
