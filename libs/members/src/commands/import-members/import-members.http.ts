import { IsString, MaxLength } from 'class-validator';
import { fromParams, UnitParams } from '@platform/common';
import { parseMemberCsv } from '../../member-csv';
import { memberRosterEdge } from '../../member-commands';
import { importMembers } from './import-members';

export class ImportMembersRequest {
  /** CSV with a header row: 党员编号,姓名,状态,流入地 (or memberId,name,status,workplace); 状态 正常 or 流动党员 */
  @IsString()
  @MaxLength(2_000_000)
  csv!: string;
}

export const ImportMembersHttpController = memberRosterEdge(importMembers, 'api/units/:unitId/members/import', {
  operation: {
    summary: '导入党员名册 (import members from CSV)',
    description: '从 CSV 导入党员名册：逐行检查，任何一行有误则全部不写入，并按行号、字段和规则列出每一处错误（422 details.errors）',
  },
  example: { summary: 'CSV 导入 (a CSV import)', value: { csv: '党员编号,姓名,状态,流入地\nm-0001,王某,正常,\nm-0002,李某,流动党员,广东省深圳市某电子厂' } },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: UnitParams, body: ImportMembersRequest, input: (p, body) => ({ unitId: p.unitId, rows: parseMemberCsv(body.csv) }),
});
