import { streamUseCase } from '@platform/common';
import { keyTaskDecider, keyTaskStreamId } from '@platform/domain';
import type { ScheduleStockTakeRequest } from './schedule-stock-take.http';

export const scheduleStockTake = streamUseCase(keyTaskDecider)({
  name: 'ScheduleStockTake',
  streamId: (i: { taskId: string } & ScheduleStockTakeRequest) => keyTaskStreamId(i.taskId),
  toCommand: (i, _, context) => ({ type: 'ScheduleStockTake', ...context, stockTakeId: i.stockTakeId, label: i.label, dueOn: i.dueOn }),
});
