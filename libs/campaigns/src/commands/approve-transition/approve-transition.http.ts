import { Matches } from 'class-validator';
import { CampaignUnitParams, fromParams, IsOptionalText, REVIEWERS } from '@platform/common';
import { campaignUnitsEdge } from '../../campaign-commands';
import { approveTransition } from './approve-transition';

export class ApproveTransitionRequest {
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'phaseKey 须为模板中的阶段编码' })
  phaseKey!: string;

  @IsOptionalText(2000)
  comment?: string;
}

export const ApproveTransitionHttpController = campaignUnitsEdge(approveTransition, 'api/campaigns/:campaignId/units/:unitId/transition-applications/approve', {
  operation: { summary: '批准转段 (approve a phase transition)', description: '批准转段（督导组或活动办公室，不能审批本人申请）' },
  access: { roles: REVIEWERS, mode: 'write', units: fromParams('unitId') },
  params: CampaignUnitParams, body: ApproveTransitionRequest, input: (p, body) => ({ campaignId: p.campaignId, unitId: p.unitId, ...body }),
});
