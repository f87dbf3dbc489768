import { BOARD_COLUMNS, ROLLUP_COLUMNS } from '../../exports/board-columns';
import { BOARD_PROJECTIONS, readBoard } from '../../progress-board/board-reader';
import { participationSourceColumn, readRosterParticipation } from '../../member-roster/roster-participation';
import { exportAt, spreadsheetExport } from '../spreadsheet-export';
import { unitFilter } from '../../shared/view-scope';
import { boardQueryOf } from '../get-progress-board/get-progress-board.request.dto';
import { ExportProgressBoardRequest } from './export-progress-board.request.dto';
import { viewsQuery } from '../query-routes';
import { CAMPAIGN_VIEW } from '../view-subjects';

export const ExportProgressBoardHttpController = viewsQuery('ExportProgressBoard', 'api/campaigns/:campaignId/board/export', {
  operation: { summary: '导出进度看板 (export the progress board)', description: '导出进度看板（xlsx 含“进度看板”“汇总”两张表；csv 为进度看板），中文表头，流式输出' },
  ...CAMPAIGN_VIEW, query: ExportProgressBoardRequest, ...spreadsheetExport(),
  handle: exportAt(BOARD_PROJECTIONS, async ({ params: p, query: q, scope }, moment) => {
    const filter = unitFilter(moment.tree, scope, q.root);
    const view = await readBoard(moment.store, moment.tree, p.campaignId, filter, boardQueryOf(q), moment.memo);
    const roster = await readRosterParticipation(moment.store('member-roster'), p.campaignId, filter);
    return {
      export: `board:${p.campaignId}`,
      title: `进度看板-${view.campaign.name}`,
      sheets: [
        { name: '进度看板', columns: [...BOARD_COLUMNS, participationSourceColumn(roster)], rows: view.rows },
        { name: '汇总', columns: ROLLUP_COLUMNS, rows: view.rollups },
      ],
    };
  }),
});
