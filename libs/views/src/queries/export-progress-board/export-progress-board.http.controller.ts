import { ApiProduces } from '@nestjs/swagger';
import { ApiSpreadsheetAnswer, CampaignParams, fromLookup, STAFF, token } from '@platform/common';
import { CheckpointWitness, WITNESS } from '@platform/event-store';
import { BOARD_COLUMNS, ROLLUP_COLUMNS } from '../../exports/board-columns';
import { streamExport } from '../../exports/export-format';
import { BOARD_PROJECTIONS, readBoard } from '../../progress-board/board-reader';
import { documentCheckpoint } from '../../shared/document-checkpoint';
import { participationSourceColumn, readRosterParticipation } from '../../member-roster/roster-participation';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { unitFilter } from '../../shared/view-scope';
import { boardQueryOf } from '../get-progress-board/get-progress-board.request.dto';
import { ExportProgressBoardRequest } from './export-progress-board.request.dto';
import { CampaignUnits } from '@platform/campaigns';
import { viewsQuery } from '../query-routes';

export const ExportProgressBoardHttpController = viewsQuery('ExportProgressBoard', 'api/campaigns/:campaignId/board/export', {
  operation: { summary: '导出进度看板 (export the progress board)', description: '导出进度看板（xlsx 含“进度看板”“汇总”两张表；csv 为进度看板），中文表头，流式输出' },
  access: { roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' },
  decorators: [ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'), ApiSpreadsheetAnswer()],
  params: CampaignParams, query: ExportProgressBoardRequest, inject: { moments: ViewMoments, witness: token<CheckpointWitness>(WITNESS) }, ownsResponse: true,
  async handle({ params: p, query: q, scope, res }, { moments, witness }) {
    const moment = await moments.resolve(q.asOf, BOARD_PROJECTIONS);
    const filter = unitFilter(moment.tree, scope, q.root);
    const view = await readBoard(moment.store, moment.tree, p.campaignId, filter, boardQueryOf(q), moment.memo);
    const roster = await readRosterParticipation(moment.store('member-roster'), p.campaignId, filter);
    momentOf(res, moment);
    const checkpoint = await documentCheckpoint(witness, { export: `board:${p.campaignId}` });
    await streamExport(res, q.format ?? 'xlsx', `进度看板-${view.campaign.name}`, [
      { name: '进度看板', columns: [...BOARD_COLUMNS, participationSourceColumn(roster)], rows: view.rows },
      { name: '汇总', columns: ROLLUP_COLUMNS, rows: view.rollups },
    ], checkpoint);
  },
});
