import { IsIn, IsOptional } from 'class-validator';
import { DEMONSTRATION_LEVELS, DEMONSTRATION_STAGES, UNIT_TYPES } from '@platform/domain';
import { AsOfQuery } from '../../shared/view-query.request.dto';
import { IsOptionalId } from '@platform/common';

export class ListDemonstrationPointsRequest extends AsOfQuery {
  /** 示范点类型（组织类型） */
  @IsOptional()
  @IsIn(UNIT_TYPES, { message: `pointType 须为 ${UNIT_TYPES.join('、')} 之一` })
  pointType?: string;

  /** city 市级 | county 区县级 */
  @IsOptional()
  @IsIn(DEMONSTRATION_LEVELS, { message: 'level 须为 city 或 county' })
  level?: string;

  /** 所处阶段 */
  @IsOptional()
  @IsIn(DEMONSTRATION_STAGES, { message: `stage 须为 ${DEMONSTRATION_STAGES.join('、')} 之一` })
  stage?: string;

  /** 只看该组织及其下级 */
  @IsOptionalId()
  root?: string;
}
