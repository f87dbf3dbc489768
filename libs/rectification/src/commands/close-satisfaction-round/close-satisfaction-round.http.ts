import { IsInt, Max, Min } from 'class-validator';
import { CampaignUnitParams, fromParams } from '@platform/common';
import { ORGANIZERS } from '../../http/problem-access';
import { satisfactionEdge } from '../../rectification-facts';
import { closeSatisfactionRound } from './close-satisfaction-round';

export class CloseSatisfactionRoundRequest {
  /** 第几轮: 1, then 2 and on for 补课 */
  @IsInt()
  @Min(1)
  @Max(99)
  round!: number;
}

/** 结束本轮测评，按活动的满意率门槛判定达标或补课 */
export const CloseSatisfactionRoundHttpController = satisfactionEdge(closeSatisfactionRound, 'api/campaigns/:campaignId/units/:unitId/satisfaction/close', {
  operation: { summary: '结束本轮测评，按活动的满意率门槛判定达标或补课 (close a satisfaction round)' },
  access: { roles: ORGANIZERS, mode: 'write', units: fromParams('unitId') },
  params: CampaignUnitParams, body: CloseSatisfactionRoundRequest, input: (p, body) => ({ campaignId: p.campaignId, unitId: p.unitId, ...body }),
});
