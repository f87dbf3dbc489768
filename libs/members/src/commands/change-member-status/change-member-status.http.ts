import { IsIn, IsISO8601 } from 'class-validator';
import { fromParams, IsOptionalLine, IsOptionalText } from '@platform/common';
import { memberRosterEdge } from '../../member-commands';
import { UnitMemberParams } from '../../member-params';
import { changeMemberStatus } from './change-member-status';

export class ChangeMemberStatusRequest {
  /** 正常、流动党员、转出、去世；失联在查找党员中登记 */
  @IsIn(['active', 'mobile', 'transferred_out', 'deceased'], { message: 'to 须为 active、mobile、transferred_out 或 deceased' })
  to!: 'active' | 'mobile' | 'transferred_out' | 'deceased';

  /** 流入地或工作单位（流动党员必填） */
  @IsOptionalLine(100)
  workplace?: string;

  /** 转往组织（转出必填） */
  @IsOptionalLine(100)
  toUnit?: string;

  /** 生效日期 YYYY-MM-DD */
  @IsISO8601({ strict: true }, { message: 'effectiveOn 须为日期 YYYY-MM-DD' })
  effectiveOn!: string;

  /** 变更原因（转出、去世必填） */
  @IsOptionalText(500)
  reason?: string;
}

export const ChangeMemberStatusHttpController = memberRosterEdge(changeMemberStatus, 'api/units/:unitId/members/:memberId/status', {
  operation: { summary: '登记党员状态变更 (change a member’s status)', description: '党员状态变更：正常、流动党员（须填流入地）、转出（须填转往组织和原因）、去世（须填原因）' },
  example: { summary: '外出务工 (goes out to work)', value: { to: 'mobile', workplace: '浙江省杭州市某物流公司', effectiveOn: '2026-03-01' } },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: UnitMemberParams, body: ChangeMemberStatusRequest, input: (p, body) => ({ unitId: p.unitId, memberId: p.memberId, ...body }),
});
