import { streamUseCase } from '@platform/common';
import { memberRosterDecider, memberRosterStreamId } from '@platform/domain';
import type { CloseMemberSearchRequest } from './close-member-search.http';

export const closeMemberSearch = streamUseCase(memberRosterDecider)({
  name: 'CloseMemberSearch',
  streamId: (i: { unitId: string; memberId: string } & CloseMemberSearchRequest) => memberRosterStreamId(i.unitId),
  toCommand: (i, _facts, context) => ({
    type: 'CloseMemberSearch',
    ...context,
    unitId: i.unitId,
    memberId: i.memberId,
    outcome: i.outcome,
    to: i.to ?? null,
    workplace: i.workplace ?? null,
    on: i.on,
    note: i.note,
  }),
});
