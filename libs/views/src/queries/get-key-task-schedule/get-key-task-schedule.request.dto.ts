import { IsOptional } from 'class-validator';
import { IsId, IsOptionalId } from '@platform/common';
import { AsOfQuery } from '../../shared/view-query.request.dto';
import { ScheduleQuery } from '../../key-task-schedule/schedule-view';

export class KeyTaskScheduleFilterRequest extends AsOfQuery {
  /** 排名的调度，默认最近一次 */
  @IsOptional()
  @IsId()
  stockTakeId?: string;

  /** 只看该组织及其下级 */
  @IsOptionalId()
  root?: string;
}

export const scheduleQueryOf = (q: KeyTaskScheduleFilterRequest): ScheduleQuery => ({ stockTakeId: q.stockTakeId ?? null, root: q.root ?? null });
