import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CampaignUnitParams, fromParams, IsListOf, IsOccurredAt, IsText } from '@platform/common';
import { campaignUnitsEdge } from '../../campaign-commands';
import { recordParticipation } from './record-participation';

export class ExcusedMembersRequest {
  /** 流动党员、年老体弱、因病… */
  @IsText(200)
  reason!: string;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  count!: number;
}

export class RecordParticipationRequest {
  /** 应参学 */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  shouldAttend!: number;

  /** 实参学 */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  attended!: number;

  @IsOptional()
  @IsListOf(() => ExcusedMembersRequest, { max: 50 })
  excused?: ExcusedMembersRequest[];

  @IsOccurredAt()
  occurredAt?: string;
}

export const RecordParticipationHttpController = campaignUnitsEdge(recordParticipation, 'api/campaigns/:campaignId/units/:unitId/participation', {
  operation: { summary: '记录参学情况 (record participation)', description: '记录参学情况：应参学、实参学、请假及原因' },
  example: { summary: '参学情况 (participation)', value: { shouldAttend: 30, attended: 27, excused: [{ reason: '流动党员外出务工', count: 2 }] } },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: CampaignUnitParams, body: RecordParticipationRequest, input: (p, body) => ({ campaignId: p.campaignId, unitId: p.unitId, ...body }),
});
