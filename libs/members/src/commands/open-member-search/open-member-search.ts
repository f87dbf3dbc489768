import { streamUseCase } from '@platform/common';
import { memberRosterDecider, memberRosterStreamId } from '@platform/domain';
import type { OpenMemberSearchRequest } from './open-member-search.http';

export const openMemberSearch = streamUseCase(memberRosterDecider)({
  name: 'OpenMemberSearch',
  streamId: (i: { unitId: string; memberId: string } & OpenMemberSearchRequest) => memberRosterStreamId(i.unitId),
  toCommand: (i, _facts, context) => ({ type: 'OpenMemberSearch', ...context, unitId: i.unitId, memberId: i.memberId, caseId: i.caseId, lastKnown: i.lastKnown, lostSince: i.lostSince }),
});
