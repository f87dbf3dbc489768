import { IsInt, Max, Min } from 'class-validator';
import { CampaignUnitParams, fromParams } from '@platform/common';
import { ORGANIZERS } from '../../http/problem-access';
import { satisfactionEdge } from '../../rectification-facts';
import { openSatisfactionRound } from './open-satisfaction-round';

export class OpenSatisfactionRoundRequest {
  /** 第几轮: 1, then 2 and on for 补课 */
  @IsInt()
  @Min(1)
  @Max(99)
  round!: number;
}

export const OpenSatisfactionRoundHttpController = satisfactionEdge(openSatisfactionRound, 'api/campaigns/:campaignId/units/:unitId/satisfaction/rounds', {
  operation: { summary: '开始一轮满意度测评 (open a satisfaction round)', description: '开始一轮满意度测评（未达标的单位补课后再测）' },
  access: { roles: ORGANIZERS, mode: 'write', units: fromParams('unitId') },
  params: CampaignUnitParams, body: OpenSatisfactionRoundRequest, input: (p, body) => ({ campaignId: p.campaignId, unitId: p.unitId, ...body }),
});
