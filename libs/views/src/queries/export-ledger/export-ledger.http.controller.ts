import { ApiProduces } from '@nestjs/swagger';
import { ApiSpreadsheetAnswer, CampaignParams, fromLookup, STAFF, token } from '@platform/common';
import { CheckpointWitness, WITNESS } from '@platform/event-store';
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
import { viewsQuery } from '../query-routes';

export const ExportLedgerHttpController = viewsQuery('ExportLedger', 'api/campaigns/:campaignId/ledger/export', {
  operation: { summary: '导出整改台账 (export the rectification ledger)', description: '导出整改台账（xlsx 或 csv，中文表头），按页读取、流式输出，筛选条件同台账明细' },
  access: { roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' },
  decorators: [ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'), ApiSpreadsheetAnswer()],
  params: CampaignParams, query: ExportLedgerRequest, inject: { moments: ViewMoments, witness: token<CheckpointWitness>(WITNESS) }, ownsResponse: true,
  async handle({ params: p, query: q, scope, res }, { moments, witness }) {
    const moment = await moments.resolve(q.asOf, TRACKER_PROJECTIONS);
    const units = unitFilter(moment.tree, scope, q.root);
    const campaign = await ledgerCampaign(moment, p.campaignId);
    momentOf(res, moment);
    const checkpoint = await documentCheckpoint(witness, { export: `ledger:${p.campaignId}` });
    await streamExport(res, q.format ?? 'xlsx', `整改台账-${campaign.name}`, [
      { name: '整改台账', columns: LEDGER_COLUMNS, rows: streamProblems(moment, campaign, problemFiltersOf(q), units) },
    ], checkpoint);
  },
});
