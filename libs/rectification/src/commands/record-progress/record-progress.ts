import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { RecordProgressRequest } from './record-progress.http';

export const recordProgress = streamUseCase(problemDecider)({
  name: 'RecordProgress',
  streamId: (i: { problemId: string } & RecordProgressRequest) => problemStreamId(i.problemId),
  occurredAt: (i) => i.occurredAt,
  toCommand: (i, _, context) => ({ type: 'RecordProgress', ...context, note: i.note, attachmentRefs: i.attachmentRefs ?? [] }),
});
