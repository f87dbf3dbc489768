import { Matches } from 'class-validator';
import { CampaignUnitParams, fromParams, IsText, REVIEWERS } from '@platform/common';
import { campaignUnitsEdge } from '../../campaign-commands';
import { rejectTransition } from './reject-transition';

export class RejectTransitionRequest {
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'phaseKey 须为模板中的阶段编码' })
  phaseKey!: string;

  /** 退回理由 */
  @IsText(2000)
  reason!: string;
}

export const RejectTransitionHttpController = campaignUnitsEdge(rejectTransition, 'api/campaigns/:campaignId/units/:unitId/transition-applications/reject', {
  operation: { summary: '退回转段申请 (reject a phase transition)', description: '退回转段申请（须说明理由）' },
  access: { roles: REVIEWERS, mode: 'write', units: fromParams('unitId') },
  params: CampaignUnitParams, body: RejectTransitionRequest, input: (p, body) => ({ campaignId: p.campaignId, unitId: p.unitId, ...body }),
});
