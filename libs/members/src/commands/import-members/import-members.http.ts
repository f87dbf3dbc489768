import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Access, ApiRequestExample, badRequest, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, respond, UnitParams } from '@platform/common';
import { MemberImportRow } from '@platform/domain';
import { parse } from 'csv-parse/sync';
import type { Response } from 'express';
import { MemberCommandController } from '../../member-commands';
import { importMembers } from './import-members';

export class ImportMembersRequest {
  /** CSV with a header row: 党员编号,姓名,状态,流入地 (or memberId,name,status,workplace); 状态 正常 or 流动党员 */
  @IsString()
  @MaxLength(2_000_000)
  csv!: string;
}

const COLUMNS: Record<string, keyof MemberImportRow> = {
  memberId: 'memberId',
  党员编号: 'memberId',
  编号: 'memberId',
  name: 'name',
  姓名: 'name',
  status: 'status',
  状态: 'status',
  workplace: 'workplace',
  流入地: 'workplace',
  工作单位: 'workplace',
};

/** The request carries the rows as CSV: its syntax and header are refused before any row is checked. */
function parseRows(text: string): MemberImportRow[] {
  let unknown: string[] = [];
  let missing: string[] = [];
  let records: Array<Partial<MemberImportRow>>;
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      columns: (header: string[]) => {
        const fields = header.map((h) => COLUMNS[h]);
        unknown = header.filter((h) => !COLUMNS[h]);
        missing = (['memberId', 'name'] as const).filter((f) => !fields.includes(f));
        return fields.map((f, i) => f ?? `unknown_${i}`);
      },
    }) as Array<Partial<MemberImportRow>>;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    throw badRequest([{ field: 'csv', rule: 'csv_syntax', message: `CSV 格式错误${e.lines ? `（第 ${e.lines} 行附近）` : ''}: ${e.message}` }]);
  }
  if (unknown.length || missing.length) {
    throw badRequest([
      {
        field: 'csv',
        rule: 'csv_columns',
        message: `表头应为 党员编号,姓名,状态,流入地 (memberId,name,status,workplace)${unknown.length ? `；不认识的列：${unknown.join('、')}` : ''}${missing.length ? `；缺少：${missing.join('、')}` : ''}`,
      },
    ]);
  }
  return records.map((r) => ({ memberId: r.memberId ?? '', name: r.name ?? '', status: r.status ?? '', workplace: r.workplace ?? '' }));
}

@CommandRoutes('member roster 党员名册', 'api/units/:unitId/members')
export class ImportMembersHttpController extends MemberCommandController {
  @ApiOperation({
    summary: '导入党员名册 (import members from CSV)',
    description: '从 CSV 导入党员名册：逐行检查，任何一行有误则全部不写入，并按行号、字段和规则列出每一处错误（422 details.errors）',
  })
  @ApiRequestExample(ImportMembersRequest, 'CSV 导入 (a CSV import)', { csv: '党员编号,姓名,状态,流入地\nm-0001,王某,正常,\nm-0002,李某,流动党员,广东省深圳市某电子厂' })
  @Access({ roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') })
  @Post('import')
  handle(@Command() meta: CommandMeta, @Param() p: UnitParams, @Body() body: ImportMembersRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(importMembers, { unitId: p.unitId, rows: parseRows(body.csv) }, meta));
  }
}
