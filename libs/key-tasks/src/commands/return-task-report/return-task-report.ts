import { streamUseCase } from '@platform/common';
import { keyTaskDecider, keyTaskStreamId } from '@platform/domain';
import type { ReturnTaskReportRequest } from './return-task-report.http';

export const returnTaskReport = streamUseCase(keyTaskDecider)({
  name: 'ReturnTaskReport',
  streamId: (i: { taskId: string; stockTakeId: string; unitId: string } & ReturnTaskReportRequest) => keyTaskStreamId(i.taskId),
  toCommand: (i, _, context) => ({ type: 'ReturnTaskReport', ...context, stockTakeId: i.stockTakeId, unitId: i.unitId, reason: i.reason }),
});
