import { streamUseCase } from '@platform/common';
import { keyTaskDecider, keyTaskStreamId } from '@platform/domain';
import type { CommentTaskReportRequest } from './comment-task-report.http';

export const commentTaskReport = streamUseCase(keyTaskDecider)({
  name: 'CommentTaskReport',
  streamId: (i: { taskId: string; stockTakeId: string; unitId: string } & CommentTaskReportRequest) => keyTaskStreamId(i.taskId),
  toCommand: (i, _, context) => ({ type: 'CommentTaskReport', ...context, stockTakeId: i.stockTakeId, unitId: i.unitId, comment: i.comment }),
});
