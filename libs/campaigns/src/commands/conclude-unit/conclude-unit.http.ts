import { IsOptional, Matches } from 'class-validator';
import { CampaignUnitParams, fromParams, IsText, REVIEWERS } from '@platform/common';
import { campaignUnitsEdge } from '../../campaign-commands';
import { concludeUnit } from './conclude-unit';

export class ConcludeUnitRequest {
  /** 总结 */
  @IsText(10000)
  summary!: string;

  /** For templates with outcomes (demonstration points: named | eliminated) */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'outcome 须为模板中的结果编码' })
  outcome?: string;
}

export const ConcludeUnitHttpController = campaignUnitsEdge(concludeUnit, 'api/campaigns/:campaignId/units/:unitId/conclusion', {
  operation: { summary: '总结 (conclude a unit\'s campaign)', description: '总结（巩固阶段后；示范点创建须选择命名或淘汰）' },
  access: { roles: REVIEWERS, mode: 'write', units: fromParams('unitId') },
  params: CampaignUnitParams, body: ConcludeUnitRequest, input: (p, body) => ({ campaignId: p.campaignId, unitId: p.unitId, ...body }),
});
