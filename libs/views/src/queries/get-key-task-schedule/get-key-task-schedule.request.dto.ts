import { IsOptional, Matches } from 'class-validator';
import { IsId } from '@platform/common';
import { UNIT_ID_PATTERN } from '@platform/domain';
import { AsOfQuery } from '../../shared/view-query.request.dto';
import { ScheduleQuery } from '../../key-task-schedule/schedule-view';

export class KeyTaskScheduleFilterRequest extends AsOfQuery {
  /** 排名的调度，默认最近一次 */
  @IsOptional()
  @IsId()
  stockTakeId?: string;

  /** 只看该组织及其下级 */
  @IsOptional()
  @Matches(UNIT_ID_PATTERN, { message: 'root 只能包含字母、数字、- 和 _' })
  root?: string;
}

export const scheduleQueryOf = (q: KeyTaskScheduleFilterRequest): ScheduleQuery => ({ stockTakeId: q.stockTakeId ?? null, root: q.root ?? null });
