import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, ApiSpreadsheetAnswer, CampaignParams, CurrentScope, fromLookup, STAFF } from '@platform/common';
import { CheckpointWitness, WITNESS } from '@platform/event-store';
import type { Response } from 'express';
import { streamExport } from '../../exports/export-format';
import { LEDGER_COLUMNS } from '../../exports/ledger-columns';
import { ledgerCampaign, streamProblems, TRACKER_PROJECTIONS } from '../../rectification-tracker/tracker-reader';
import { documentCheckpoint } from '../../shared/document-checkpoint';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { unitFilter } from '../../shared/view-scope';
import { problemFiltersOf } from '../list-tracked-problems/list-tracked-problems.request.dto';
import { ExportLedgerRequest } from './export-ledger.request.dto';
import { CampaignUnits } from '@platform/campaigns';

@ApiTags('views 看板·台账·审计')
@Controller('api/campaigns/:campaignId/ledger/export')
export class ExportLedgerHttpController {
  constructor(
    private readonly moments: ViewMoments,
    @Inject(WITNESS) private readonly witness: CheckpointWitness,
  ) {}

  @ApiOperation({ summary: '导出整改台账 (export the rectification ledger)', description: '导出整改台账（xlsx 或 csv，中文表头），按页读取、流式输出，筛选条件同台账明细' })
  @Access({ roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiSpreadsheetAnswer()
  @Get()
  async export(@Param() p: CampaignParams, @Query() q: ExportLedgerRequest, @CurrentScope() scope: ActorScope, @Res() res: Response) {
    const moment = await this.moments.resolve(q.asOf, TRACKER_PROJECTIONS);
    const units = unitFilter(moment.tree, scope, q.root);
    const campaign = await ledgerCampaign(moment, p.campaignId);
    momentOf(res, moment);
    const checkpoint = await documentCheckpoint(this.witness, { export: `ledger:${p.campaignId}` });
    await streamExport(res, q.format ?? 'xlsx', `整改台账-${campaign.name}`, [
      { name: '整改台账', columns: LEDGER_COLUMNS, rows: streamProblems(moment, campaign, problemFiltersOf(q), units) },
    ], checkpoint);
  }
}
