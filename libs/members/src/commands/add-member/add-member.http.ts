import { IsIn } from 'class-validator';
import { fromParams, IsId, IsLine, IsOptionalLine, UnitParams } from '@platform/common';
import { memberRosterEdge } from '../../member-commands';
import { addMember } from './add-member';

export class AddMemberRequest {
  /** 党员编号（本单位内唯一） */
  @IsId()
  memberId!: string;

  /** 姓名 */
  @IsLine(50)
  name!: string;

  /** 正常 or 流动党员 (active, mobile) */
  @IsIn(['active', 'mobile', '正常', '流动党员'], { message: 'status 须为 active、mobile、正常 或 流动党员' })
  status!: string;

  /** 流入地或工作单位（流动党员必填） */
  @IsOptionalLine(100)
  workplace?: string;
}

export const AddMemberHttpController = memberRosterEdge(addMember, 'api/units/:unitId/members', {
  operation: { summary: '登记党员 (add a member to the roster)', description: '在本单位党员名册中登记一名党员：编号、姓名、状态（正常或流动党员，流动党员须填流入地）' },
  example: { summary: '流动党员 (a mobile member)', value: { memberId: 'm-0001', name: '王某', status: 'mobile', workplace: '广东省深圳市某电子厂' } },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: UnitParams, body: AddMemberRequest, input: (p, body) => ({ unitId: p.unitId, ...body }),
});
