import { streamUseCase } from '@platform/common';
import { MemberImportRow, memberRosterDecider, memberRosterStreamId } from '@platform/domain';

export const importMembers = streamUseCase(memberRosterDecider)({
  name: 'ImportMembers',
  streamId: (i: { unitId: string; rows: MemberImportRow[] }) => memberRosterStreamId(i.unitId),
  toCommand: (i, _facts, context) => ({ type: 'ImportMembers', ...context, unitId: i.unitId, rows: i.rows }),
});
