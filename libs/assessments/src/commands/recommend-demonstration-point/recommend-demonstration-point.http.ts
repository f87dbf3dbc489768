import { IsIn, IsInt, Max, Min } from 'class-validator';
import { fromParams, IsText, MANAGERS, UnitParams } from '@platform/common';
import { DEMONSTRATION_LEVELS } from '@platform/domain';
import { demonstrationPointsEdge } from '../../assessment-commands';
import { recommendDemonstrationPoint } from './recommend-demonstration-point';

export class RecommendDemonstrationPointRequest {
  /** 推荐年度 */
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  /** city 市级 | county 区县级 */
  @IsIn(DEMONSTRATION_LEVELS, { message: 'level 须为 city 或 county' })
  level!: string;

  /** 推荐理由 */
  @IsText(5000)
  reason!: string;
}

export const RecommendDemonstrationPointHttpController = demonstrationPointsEdge(recommendDemonstrationPoint, 'api/demonstration-points/:unitId/recommendation', {
  operation: { summary: '推荐示范点创建单位 (recommend a unit)', description: '组织部门推荐基础好、有特色的党组织为示范点创建单位；被淘汰的单位可在以后年度再次推荐（优进劣出）' },
  example: { summary: '推荐 (recommend)', value: { year: 2026, level: 'city', reason: '班子坚强、阵地规范、特色产业带动明显' } },
  access: { roles: MANAGERS, mode: 'write', units: fromParams('unitId') },
  params: UnitParams, body: RecommendDemonstrationPointRequest,
});
