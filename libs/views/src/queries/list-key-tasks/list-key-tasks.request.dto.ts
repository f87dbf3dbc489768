import { IsOptional, Matches } from 'class-validator';
import { UNIT_ID_PATTERN } from '@platform/domain';
import { AsOfQuery } from '../../shared/view-query.request.dto';

export class ListKeyTasksRequest extends AsOfQuery {
  /** 只看涉及该组织及其下级的任务 */
  @IsOptional()
  @Matches(UNIT_ID_PATTERN, { message: 'root 只能包含字母、数字、- 和 _' })
  root?: string;
}
