import { UnitCreated } from './organization.events';
import { OrganizationTree } from './organization-tree';
import { hasControlCharacters } from '../shared/text';
import {
  canContain,
  UNIT_ID_PATTERN,
  UNIT_LEVEL_NAMES,
  UNIT_LEVELS,
  UNIT_TYPE_NAMES,
  UNIT_TYPES,
} from './organization-types';

export type ImportRecord = Readonly<Record<string, unknown>>;

export interface ImportRowError {
  /** 1-based data row (header excluded). */
  readonly row: number;
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export type ImportPlan =
  | { readonly ok: true; readonly events: UnitCreated[] }
  | { readonly ok: false; readonly errors: ImportRowError[] };

/** Column names accepted in an import file: the API's names or the office's Chinese headers. */
const COLUMNS: Record<string, readonly string[]> = {
  unitId: ['unitId', '编码', '组织编码'],
  name: ['name', '名称', '组织名称'],
  level: ['level', '层级', '组织层级'],
  unitType: ['unitType', 'type', '类型', '单位类型'],
  parentId: ['parentId', '上级编码', '上级组织编码'],
  memberCount: ['memberCount', '党员数', '党员人数'],
};

function pick(record: ImportRecord, field: keyof typeof COLUMNS): string {
  for (const key of COLUMNS[field]) {
    const v = record[key];
    if (v !== undefined && v !== null && String(v).trim() !== '') return String(v).trim();
  }
  return '';
}

function fromName<T extends string>(value: string, keys: readonly T[], names: Record<T, string>): T | null {
  if ((keys as readonly string[]).includes(value)) return value as T;
  const byName = keys.find((k) => names[k] === value || names[k].split('/').includes(value));
  return byName ?? null;
}

/** A row that passed its own checks: the unit it would create, and where it stood in the file. */
type Parsed = UnitCreated['data'] & { row: number };

/**
 * Checks every row of an import against the file itself and the existing tree, and returns
 * either the creation events (parents before children) or every row's errors: never part of both.
 */
export function planOrganizationImport(records: readonly ImportRecord[], existing: OrganizationTree): ImportPlan {
  const errors: ImportRowError[] = [];
  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();
  const err = (row: number, field: string, rule: string, message: string) => errors.push({ row, field, rule, message });

  if (records.length === 0) err(0, 'file', 'not_empty', '导入文件没有数据行 (the file has no rows)');
  // The first import of a deployment may start at any level: its one row without a parent is the root.
  const rootAllowed = existing.rootIds().length === 0 && records.filter((r) => !pick(r, 'parentId')).length === 1;

  records.forEach((record, i) => {
    const row = i + 1;
    const before = errors.length;
    const unitId = pick(record, 'unitId');
    const name = pick(record, 'name');
    const levelRaw = pick(record, 'level');
    const typeRaw = pick(record, 'unitType');
    const parentId = pick(record, 'parentId') || null;
    const countRaw = pick(record, 'memberCount');

    if (!unitId) err(row, 'unitId', 'required', '组织编码不能为空 (unitId is required)');
    else if (!UNIT_ID_PATTERN.test(unitId)) err(row, 'unitId', 'pattern', '组织编码只能包含字母、数字、- 和 _ (unitId)');
    else if (seen.has(unitId)) err(row, 'unitId', 'unique', `组织编码 ${unitId} 与第 ${seen.get(unitId)} 行重复 (duplicate)`);
    else if (existing.has(unitId)) err(row, 'unitId', 'unique', `组织编码 ${unitId} 已存在 (already exists)`);
    if (unitId && !seen.has(unitId)) seen.set(unitId, row);

    if (!name) err(row, 'name', 'required', '组织名称不能为空 (name is required)');
    else if (hasControlCharacters(name)) err(row, 'name', 'noControlCharacters', '组织名称不得包含控制字符或双向文本控制符 (name)');
    const level = fromName(levelRaw, UNIT_LEVELS, UNIT_LEVEL_NAMES);
    if (!level) err(row, 'level', 'enum', `层级 "${levelRaw}" 无效，应为 ${UNIT_LEVELS.join('/')} 或其中文名`);
    const unitType = fromName(typeRaw, UNIT_TYPES, UNIT_TYPE_NAMES);
    if (!unitType) err(row, 'unitType', 'enum', `类型 "${typeRaw}" 无效，应为 ${UNIT_TYPES.join('/')} 或其中文名`);
    const memberCount = countRaw === '' ? 0 : Number(countRaw);
    if (!Number.isInteger(memberCount) || memberCount < 0) {
      err(row, 'memberCount', 'integer_min_0', `党员数 "${countRaw}" 必须是非负整数 (memberCount)`);
    }
    if (level === 'city' && parentId) err(row, 'parentId', 'empty_for_city', '市级单位不能有上级组织 (parentId)');
    if (level && level !== 'city' && !parentId && !rootAllowed) err(row, 'parentId', 'required', '上级组织编码不能为空 (parentId)');

    if (errors.length === before && level && unitType) {
      parsed.push({ row, unitId, name, level, unitType, parentId: level === 'city' ? null : parentId, memberCount });
    }
  });

  const inFile = new Map(parsed.map((p) => [p.unitId, p]));
  for (const p of parsed) {
    if (!p.parentId) continue;
    const fileParent = inFile.get(p.parentId);
    const treeParent = existing.get(p.parentId);
    const parentLevel = fileParent?.level ?? treeParent?.level;
    if (!parentLevel && !seen.has(p.parentId)) {
      err(p.row, 'parentId', 'exists', `上级组织 ${p.parentId} 不存在于文件或现有组织中 (parent not found)`);
    } else if (treeParent?.closed) {
      err(p.row, 'parentId', 'open', `上级组织 ${p.parentId} 已撤销 (parent is closed)`);
    } else if (parentLevel && !canContain(parentLevel, p.level)) {
      err(p.row, 'level', 'fits_parent', `${UNIT_LEVEL_NAMES[parentLevel]}下不能设立${UNIT_LEVEL_NAMES[p.level]} (level)`);
    }
  }

  const ordered = errors.length === 0 ? orderParentsFirst(parsed, inFile, err) : [];
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return {
    ok: true,
    events: ordered.map((p) => ({
      type: 'UnitCreated',
      data: {
        unitId: p.unitId,
        name: p.name,
        level: p.level,
        unitType: p.unitType,
        parentId: p.parentId,
        memberCount: p.memberCount,
      },
    })),
  };
}

function orderParentsFirst(
  parsed: Parsed[],
  inFile: Map<string, Parsed>,
  err: (row: number, field: string, rule: string, message: string) => void,
): Parsed[] {
  const out: Parsed[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (p: Parsed): void => {
    const s = state.get(p.unitId);
    if (s === 'done') return;
    if (s === 'visiting') {
      err(p.row, 'parentId', 'acyclic', `组织 ${p.unitId} 的上级关系形成循环 (cycle)`);
      return;
    }
    state.set(p.unitId, 'visiting');
    const parent = p.parentId ? inFile.get(p.parentId) : undefined;
    if (parent) visit(parent);
    state.set(p.unitId, 'done');
    out.push(p);
  };
  parsed.forEach(visit);
  return out;
}
