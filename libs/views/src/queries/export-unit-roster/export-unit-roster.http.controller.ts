import { ROSTER_COUNT_COLUMNS, ROSTER_MEMBER_COLUMNS } from '../../exports/roster-columns';
import { readUnitRoster, ROSTER_PROJECTIONS } from '../../member-roster/roster-view';
import { exportAt, spreadsheetExport } from '../spreadsheet-export';
import { ExportUnitRosterRequest } from './export-unit-roster.request.dto';
import { memberRosterQuery } from '../query-routes';
import { UNIT_VIEW } from '../view-subjects';

export const ExportUnitRosterHttpController = memberRosterQuery('ExportUnitRoster', 'api/units/:unitId/roster/export', {
  operation: {
    summary: '导出党员名册 (export a unit’s roster)',
    description: '导出一个单位的党员名册：本单位、活动办公室和管理员得到“党员名册”（含姓名）和“人数”两张表；其他人只得到“人数”（csv 为第一张表）',
  },
  ...UNIT_VIEW, query: ExportUnitRosterRequest, ...spreadsheetExport(),
  handle: exportAt(ROSTER_PROJECTIONS, async ({ params: p, actor }, moment) => {
    const roster = await readUnitRoster(moment.store('member-roster'), moment.tree, p.unitId, actor);
    return {
      export: `roster:${p.unitId}`,
      title: `党员名册-${roster.name}`,
      sheets: [
        ...(roster.members ? [{ name: '党员名册', columns: ROSTER_MEMBER_COLUMNS, rows: roster.members }] : []),
        { name: '人数', columns: ROSTER_COUNT_COLUMNS, rows: [roster] },
      ],
    };
  }),
});
