import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { badRequest, MANAGERS } from '@platform/common';
import { ImportRecord } from '@platform/domain';
import { parse } from 'csv-parse/sync';
import { organizationsEdge } from '../../organization-commands';
import { importUnits } from './import-units';

/** A whole tree at once: CSV text (Chinese or English headers) or JSON rows. */
export class ImportUnitsRequest {
  /** CSV with a header row: 编码,名称,层级,类型,上级编码,党员数 (or unitId,name,level,unitType,parentId,memberCount) */
  @ValidateIf((o: ImportUnitsRequest) => o.units === undefined)
  @IsString({ message: 'csv 或 units 必须提供其一 (csv must be a string when units is absent)' })
  @MaxLength(10_000_000)
  csv?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200_000)
  @IsObject({ each: true })
  units?: Record<string, unknown>[];
}

export const ImportUnitsHttpController = organizationsEdge(importUnits, 'api/organizations/import', {
  operation: { summary: '批量导入组织树 (import a unit tree)', description: '批量导入组织树：任何一行有误则全部不写入，并逐行列出错误' },
  example: { summary: 'CSV 导入 (a CSV import)', value: { csv: '编码,名称,层级,类型,上级编码,党员数\n430700,常德市委,city,agency,,\n430702,武陵区委,county,agency,430700,\n430702-001,丹阳街道党工委,township,community,430702,' } },
  access: { roles: MANAGERS, mode: 'write', units: null },
  body: ImportUnitsRequest, input: (_p, body) => {
    const records = (body.units as ImportRecord[] | undefined) ?? parseCsv(body.csv ?? '');
    return { request: body, records };
  },
});

/** CSV is how the request may carry the rows: its syntax is refused before anything is read. */
function parseCsv(text: string): ImportRecord[] {
  try {
    return parse(text, { columns: true, bom: true, trim: true, skip_empty_lines: true }) as ImportRecord[];
  } catch (error) {
    const e = error as { message: string; lines?: number };
    throw badRequest([{ field: 'csv', rule: 'csv_syntax', message: `CSV 格式错误${e.lines ? `（第 ${e.lines} 行附近）` : ''}: ${e.message}` }]);
  }
}
