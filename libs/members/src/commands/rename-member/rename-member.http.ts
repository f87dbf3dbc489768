import { fromParams, IsLine } from '@platform/common';
import { memberRosterEdge } from '../../member-commands';
import { UnitMemberParams } from '../../member-params';
import { renameMember } from './rename-member';

export class RenameMemberRequest {
  /** 更正后的姓名 */
  @IsLine(50)
  name!: string;
}

export const RenameMemberHttpController = memberRosterEdge(renameMember, 'api/units/:unitId/members/:memberId/name', {
  operation: { summary: '更正党员姓名 (correct a member’s name)', description: '更正名册中党员的姓名；状态另行登记' },
  example: { summary: '更正姓名 (corrected name)', value: { name: '王某某' } },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: UnitMemberParams, body: RenameMemberRequest, input: (p, body) => ({ unitId: p.unitId, memberId: p.memberId, ...body }),
});
