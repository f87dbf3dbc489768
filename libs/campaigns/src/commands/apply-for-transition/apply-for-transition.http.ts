import { Matches } from 'class-validator';
import { CampaignUnitParams, fromParams, IsOptionalText } from '@platform/common';
import { campaignUnitsEdge } from '../../campaign-commands';
import { applyForTransition } from './apply-for-transition';

export class ApplyForTransitionRequest {
  /** The phase the unit wants to leave */
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'phaseKey 须为模板中的阶段编码' })
  phaseKey!: string;

  @IsOptionalText(2000)
  note?: string;
}

export const ApplyForTransitionHttpController = campaignUnitsEdge(applyForTransition, 'api/campaigns/:campaignId/units/:unitId/transition-applications', {
  operation: { summary: '申请转段 (apply for a phase transition)', description: '申请转段（本阶段必做步骤须已全部完成）' },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: CampaignUnitParams, body: ApplyForTransitionRequest, input: (p, body) => ({ campaignId: p.campaignId, unitId: p.unitId, ...body }),
});
