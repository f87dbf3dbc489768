import { IsBoolean } from 'class-validator';
import { fromParams, IsOptionalText, MANAGERS, UnitParams } from '@platform/common';
import { demonstrationPointsEdge } from '../../assessment-commands';
import { decideDemonstrationRecommendation } from './decide-demonstration-recommendation';

export class DecideDemonstrationRecommendationRequest {
  /** 是否确定为创建单位 */
  @IsBoolean()
  confirmed!: boolean;

  /** 理由（不确定时必填） */
  @IsOptionalText(5000)
  reason?: string;
}

export const DecideDemonstrationRecommendationHttpController = demonstrationPointsEdge(decideDemonstrationRecommendation, 'api/demonstration-points/:unitId/confirmation', {
  operation: { summary: '确定创建单位 (confirm or decline a recommendation)', description: '组织部门确定推荐对象为示范点创建单位，或不予确定并说明理由' },
  example: { summary: '确定 (confirm)', value: { confirmed: true } },
  access: { roles: MANAGERS, mode: 'write', units: fromParams('unitId') },
  params: UnitParams, body: DecideDemonstrationRecommendationRequest,
});
