import { AsOfQuery } from '../../shared/view-query.request.dto';
import { IsOptionalId } from '@platform/common';

export class GetRosterCountsRequest extends AsOfQuery {
  /** 只看该组织及其下级 */
  @IsOptionalId()
  root?: string;
}
