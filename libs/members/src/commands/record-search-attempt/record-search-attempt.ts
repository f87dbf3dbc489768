import { streamUseCase } from '@platform/common';
import { memberRosterDecider, memberRosterStreamId } from '@platform/domain';
import type { RecordSearchAttemptRequest } from './record-search-attempt.http';

export const recordSearchAttempt = streamUseCase(memberRosterDecider)({
  name: 'RecordSearchAttempt',
  streamId: (i: { unitId: string; memberId: string } & RecordSearchAttemptRequest) => memberRosterStreamId(i.unitId),
  toCommand: (i, _facts, context) => ({ type: 'RecordSearchAttempt', ...context, unitId: i.unitId, memberId: i.memberId, attemptId: i.attemptId, on: i.on, method: i.method, result: i.result }),
});
