import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { NoteSupervisionRequest } from './note-supervision.http';

export const noteSupervision = streamUseCase(problemDecider)({
  name: 'NoteSupervision',
  streamId: (i: { problemId: string } & NoteSupervisionRequest) => problemStreamId(i.problemId),
  occurredAt: (i) => i.occurredAt,
  toCommand: (i, _, context) => ({ type: 'NoteSupervision', ...context, finding: i.finding, demand: i.demand, dueBy: i.dueBy }),
});
