import { IsInt, Max, Min } from 'class-validator';
import { fromParams, UnitParams } from '@platform/common';
import { organizationsEdge } from '../../organization-commands';
import { changeMemberCount } from './change-member-count';

export class ChangeMemberCountRequest {
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  memberCount!: number;
}

/** 更新党员数 */
export const ChangeMemberCountHttpController = organizationsEdge(changeMemberCount, 'api/organizations/:unitId/member-count', {
  operation: { summary: '更新党员数 (change the member count)' },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: UnitParams, body: ChangeMemberCountRequest, input: (p, body) => ({ unitId: p.unitId, ...body }),
});
