import { hasControlCharacters } from '../shared/text';
import { UNIT_ID_PATTERN } from '../organizations/organization-types';
import { MemberRecord } from './member.events';

/** One CSV row as the liaison typed it; every field is text until checked. */
export interface MemberImportRow {
  readonly memberId: string;
  readonly name: string;
  readonly status: string;
  readonly workplace: string;
}

export interface MemberRowError {
  /** 1-based, counting data rows as a spreadsheet shows them below the header. */
  readonly row: number;
  readonly field: keyof MemberImportRow;
  readonly code: string;
  readonly message: string;
}

export const MAX_IMPORT_ROWS = 5000;

const STATUS_WORDS: Record<string, 'active' | 'mobile'> = { '': 'active', active: 'active', 正常: 'active', mobile: 'mobile', 流动党员: 'mobile', 流动: 'mobile' };

function checkName(value: string, max: number): 'required' | 'invalid' | null {
  const clean = (value ?? '').trim();
  if (!clean) return 'required';
  if (clean.length > max || hasControlCharacters(clean)) return 'invalid';
  return null;
}

/**
 * Checks every row and reports every error, so a liaison fixes the whole file at once; the
 * import is all or nothing, so any error means nothing is written.
 */
export function checkMemberRows(rows: readonly MemberImportRow[], existing: ReadonlySet<string>): { members: MemberRecord[]; errors: MemberRowError[] } {
  const errors: MemberRowError[] = [];
  const members: MemberRecord[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const row = i + 1;
    const fail = (field: keyof MemberImportRow, code: string, message: string) => errors.push({ row, field, code, message });
    const memberId = (r.memberId ?? '').trim();
    if (!UNIT_ID_PATTERN.test(memberId)) fail('memberId', 'member_id_invalid', '党员编号只能包含字母、数字、- 和 _');
    else if (existing.has(memberId)) fail('memberId', 'member_exists', `党员 ${memberId} 已在名册中`);
    else if (seen.has(memberId)) fail('memberId', 'member_duplicate', `党员编号 ${memberId} 在文件中重复`);
    seen.add(memberId);
    const nameProblem = checkName(r.name, 50);
    if (nameProblem) fail('name', `name_${nameProblem}`, nameProblem === 'required' ? '请填写姓名' : '姓名过长或含控制字符');
    const status = STATUS_WORDS[(r.status ?? '').trim()];
    if (!status) fail('status', 'status_invalid', '状态应为 正常 或 流动党员（失联、转出、去世另行登记）');
    const workplace = (r.workplace ?? '').trim();
    if (status === 'mobile') {
      const problem = checkName(workplace, 100);
      if (problem) fail('workplace', `workplace_${problem}`, problem === 'required' ? '流动党员须填写流入地或工作单位' : '流入地过长或含控制字符');
    } else if (status === 'active' && workplace) {
      fail('workplace', 'workplace_not_expected', '只有流动党员填写流入地');
    }
    members.push({ memberId, name: (r.name ?? '').trim(), status: status ?? 'active', workplace: status === 'mobile' ? workplace : null });
  });
  return { members, errors };
}
