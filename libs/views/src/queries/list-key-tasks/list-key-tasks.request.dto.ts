import { AsOfQuery } from '../../shared/view-query.request.dto';
import { IsOptionalId } from '@platform/common';

export class ListKeyTasksRequest extends AsOfQuery {
  /** 只看涉及该组织及其下级的任务 */
  @IsOptionalId()
  root?: string;
}
