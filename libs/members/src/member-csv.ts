import { badRequest } from '@platform/common';
import { MemberImportRow } from '@platform/domain';
import { parse } from 'csv-parse/sync';

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
export function parseMemberCsv(text: string): MemberImportRow[] {
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
