import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { ResumeRectificationRequest } from './resume-rectification.http';

export const resumeRectification = streamUseCase(problemDecider)({
  name: 'ResumeRectification',
  streamId: (i: { problemId: string } & ResumeRectificationRequest) => problemStreamId(i.problemId),
  toCommand: (i, _, context) => ({ type: 'ResumeRectification', ...context, note: i.note, deadline: i.deadline ?? null }),
});
