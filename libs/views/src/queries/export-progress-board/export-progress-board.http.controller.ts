import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, ApiSpreadsheetAnswer, CampaignParams, CurrentScope, fromLookup, STAFF } from '@platform/common';
import { CheckpointWitness, WITNESS } from '@platform/event-store';
import type { Response } from 'express';
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

@ApiTags('views 看板·台账·审计')
@Controller('api/campaigns/:campaignId/board/export')
export class ExportProgressBoardHttpController {
  constructor(
    private readonly moments: ViewMoments,
    @Inject(WITNESS) private readonly witness: CheckpointWitness,
  ) {}

  @ApiOperation({ summary: '导出进度看板 (export the progress board)', description: '导出进度看板（xlsx 含“进度看板”“汇总”两张表；csv 为进度看板），中文表头，流式输出' })
  @Access({ roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiSpreadsheetAnswer()
  @Get()
  async export(@Param() p: CampaignParams, @Query() q: ExportProgressBoardRequest, @CurrentScope() scope: ActorScope, @Res() res: Response) {
    const moment = await this.moments.resolve(q.asOf, BOARD_PROJECTIONS);
    const filter = unitFilter(moment.tree, scope, q.root);
    const view = await readBoard(moment.store, moment.tree, p.campaignId, filter, boardQueryOf(q), moment.memo);
    const roster = await readRosterParticipation(moment.store('member-roster'), p.campaignId, filter);
    momentOf(res, moment);
    const checkpoint = await documentCheckpoint(this.witness, { export: `board:${p.campaignId}` });
    await streamExport(res, q.format ?? 'xlsx', `进度看板-${view.campaign.name}`, [
      { name: '进度看板', columns: [...BOARD_COLUMNS, participationSourceColumn(roster)], rows: view.rows },
      { name: '汇总', columns: ROLLUP_COLUMNS, rows: view.rollups },
    ], checkpoint);
  }
}
