import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { RecordPartProgressRequest } from './record-part-progress.http';

export const recordPartProgress = streamUseCase(problemDecider)({
  name: 'RecordPartProgress',
  streamId: (i: { problemId: string; partId: string } & RecordPartProgressRequest) => problemStreamId(i.problemId),
  occurredAt: (i) => i.occurredAt,
  toCommand: (i, _, context) => ({ type: 'RecordPartProgress', ...context, partId: i.partId, note: i.note, attachmentRefs: i.attachmentRefs ?? [] }),
});
