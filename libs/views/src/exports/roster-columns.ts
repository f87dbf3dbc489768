import { MEMBER_STATUS_NAMES, MEMBER_STATUSES } from '@platform/domain';
import { RosterMemberDoc } from '../member-roster/member-roster.documents';
import { RosterFigures } from '../member-roster/roster-view';
import { ExportColumn } from './export-format';

/** 党员名册, one row per member: only exported for readers who may see names. */
export const ROSTER_MEMBER_COLUMNS: readonly ExportColumn<RosterMemberDoc>[] = [
  { header: '党员编号', value: (m) => m.memberId },
  { header: '姓名', width: 12, value: (m) => m.name },
  { header: '状态', value: (m) => MEMBER_STATUS_NAMES[m.status] },
  { header: '流入地', width: 24, value: (m) => m.workplace },
  { header: '转往组织', width: 20, value: (m) => m.toUnit },
  { header: '失联日期', value: (m) => m.search?.lostSince ?? null },
  { header: '查找次数', value: (m) => m.search?.attempts.length ?? null },
  { header: '已结查找案', value: (m) => m.searchesClosed },
];

/** The counts every reader in scope may take away. */
export const ROSTER_COUNT_COLUMNS: readonly ExportColumn<RosterFigures>[] = [
  ...MEMBER_STATUSES.map((s): ExportColumn<RosterFigures> => ({ header: MEMBER_STATUS_NAMES[s], value: (r) => r.counts[s] })),
  { header: '在册', value: (r) => r.onRoll },
  { header: '查找中', value: (r) => r.sought },
];
