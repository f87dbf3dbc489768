import { LEDGER_COLUMNS } from '../../exports/ledger-columns';
import { ledgerInScope, streamProblems, TRACKER_PROJECTIONS } from '../../rectification-tracker/tracker-reader';
import { exportAt, spreadsheetExport } from '../spreadsheet-export';
import { problemFiltersOf } from '../list-tracked-problems/list-tracked-problems.request.dto';
import { ExportLedgerRequest } from './export-ledger.request.dto';
import { viewsQuery } from '../query-routes';
import { CAMPAIGN_VIEW } from '../view-subjects';

export const ExportLedgerHttpController = viewsQuery('ExportLedger', 'api/campaigns/:campaignId/ledger/export', {
  operation: { summary: '导出整改台账 (export the rectification ledger)', description: '导出整改台账（xlsx 或 csv，中文表头），按页读取、流式输出，筛选条件同台账明细' },
  ...CAMPAIGN_VIEW, query: ExportLedgerRequest, ...spreadsheetExport(),
  handle: exportAt(TRACKER_PROJECTIONS, async ({ params: p, query: q, scope }, moment) => {
    const { units, campaign } = await ledgerInScope(moment, p.campaignId, scope, q.root);
    return {
      export: `ledger:${p.campaignId}`,
      title: `整改台账-${campaign.name}`,
      sheets: [{ name: '整改台账', columns: LEDGER_COLUMNS, rows: streamProblems(moment, campaign, problemFiltersOf(q), units) }],
    };
  }),
});
