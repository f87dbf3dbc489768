import { fromLookup, IsCalendarDate, IsId, IsLine, MANAGERS } from '@platform/common';
import { keyTasksEdge } from '../../key-task-commands';
import { KeyTaskUnits } from '../../key-task-units';
import { KeyTaskParams } from '../../http/key-task-params';
import { scheduleStockTake } from './schedule-stock-take';

export class ScheduleStockTakeRequest {
  @IsId()
  stockTakeId!: string;

  /** 调度名称，如“6月调度”“年底冲刺专项调度” */
  @IsLine(100)
  label!: string;

  /** 报送截止日期（YYYY-MM-DD），须晚于上次调度 */
  @IsCalendarDate()
  dueOn!: string;
}

export const ScheduleStockTakeHttpController = keyTasksEdge(scheduleStockTake, 'api/key-tasks/:taskId/stock-takes', {
  operation: { summary: '安排任务调度 (schedule a stock-take)', description: '安排一次调度（按月或随时）：各承担单位在报送截止日期前报送进展' },
  example: { summary: '6月调度 (June)', value: { stockTakeId: 'st-2026-06', label: '6月调度', dueOn: '2026-06-30' } },
  access: { roles: MANAGERS, mode: 'write', units: fromLookup(KeyTaskUnits, 'taskId'), match: 'any' },
  params: KeyTaskParams, body: ScheduleStockTakeRequest, input: (p, body) => ({ taskId: p.taskId, ...body }),
});
