import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { CampaignParams, fromBody, MANAGERS } from '@platform/common';
import { UNIT_ID_PATTERN } from '@platform/domain';
import { campaignsEdge } from '../../campaign-commands';
import { enrollUnits } from './enroll-units';

export class EnrollUnitsRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200_000)
  @Matches(UNIT_ID_PATTERN, { each: true, message: 'unitIds 中每项只能包含字母、数字、- 和 _' })
  unitIds!: string[];
}

/** 增补参加活动的组织 */
export const EnrollUnitsHttpController = campaignsEdge(enrollUnits, 'api/campaigns/:campaignId/enrollments', {
  operation: { summary: '增补参加活动的组织 (enroll more units)' },
  access: { roles: MANAGERS, mode: 'write', units: fromBody('unitIds') },
  params: CampaignParams, body: EnrollUnitsRequest, input: (p, body) => ({ campaignId: p.campaignId, ...body }),
});
