import { ArrayMaxSize, IsArray, IsOptional, Matches } from 'class-validator';
import { CampaignUnitParams, fromParams, IsId, IsLine, IsListOf } from '@platform/common';
import { memberRosterEdge } from '../../member-commands';
import { recordMemberParticipation } from './record-member-participation';

export class ExcusedMemberRequest {
  @IsId()
  memberId!: string;

  /** 请假事由 */
  @IsLine(200)
  reason!: string;
}

export class RecordMemberParticipationRequest {
  /** 模板中的步骤编码 */
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'stepKey 须为模板中的步骤编码' })
  stepKey!: string;

  /** 参加的党员编号 */
  @IsArray()
  @ArrayMaxSize(5000)
  @IsId({ each: true })
  attended!: string[];

  /** 请假的党员及事由 */
  @IsOptional()
  @IsListOf(() => ExcusedMemberRequest, { max: 5000 })
  excused?: ExcusedMemberRequest[];
}

export const RecordMemberParticipationHttpController = memberRosterEdge(recordMemberParticipation, 'api/campaigns/:campaignId/units/:unitId/member-participation', {
  operation: {
    summary: '按名册记录步骤参学 (record who took part in a step, from the roster)',
    description: '按党员名册记录活动某一步骤的参学：参加的党员、请假的党员及事由；该单位的参学率随之按名册计算（参加人数 / 应参加人数，请假不计入应参加）',
  },
  example: { summary: '集中学习 (centralized study)', value: { stepKey: 'centralized_study', attended: ['m-0001', 'm-0003'], excused: [{ memberId: 'm-0002', reason: '外出务工' }] } },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: CampaignUnitParams, body: RecordMemberParticipationRequest, input: (p, body) => ({ campaignId: p.campaignId, unitId: p.unitId, ...body }),
});
