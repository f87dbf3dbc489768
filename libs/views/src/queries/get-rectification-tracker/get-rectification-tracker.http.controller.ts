import { CampaignParams, fromLookup, STAFF } from '@platform/common';
import { dayOf, ledgerCampaign, readTrackerSummary, TRACKER_PROJECTIONS } from '../../rectification-tracker/tracker-reader';
import { ViewMoments } from '../../shared/view-moment';
import { DEFAULT_PAGE_SIZE } from '../../shared/pagination';
import { momentOf } from '../../shared/view-response';
import { unitFilter } from '../../shared/view-scope';
import { GetRectificationTrackerRequest } from './get-rectification-tracker.request.dto';
import { GetRectificationTrackerAnswer } from './get-rectification-tracker.response';
import { CampaignUnits } from '@platform/campaigns';
import { viewsQuery } from '../query-routes';

export const GetRectificationTrackerHttpController = viewsQuery('GetRectificationTracker', 'api/campaigns/:campaignId/rectification-tracker', {
  operation: { summary: '整改进度 (rectification tracker)', description: '整改进度：按责任单位统计已销号、已验收待销号、已整改待验收、整改中、限期整改、暂缓解决、 联动整改（含各任务完成情况）、超期及绿/黄/红预警，并逐级汇总；预警按查询时刻（或 asOf）的日期计算' },
  answer: GetRectificationTrackerAnswer,
  access: { roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' },
  params: CampaignParams, query: GetRectificationTrackerRequest, inject: { moments: ViewMoments },
  async handle({ params: p, query: q, scope, res }, { moments }) {
    const moment = await moments.resolve(q.asOf, TRACKER_PROJECTIONS);
    const units = unitFilter(moment.tree, scope, q.root);
    const campaign = await ledgerCampaign(moment, p.campaignId);
    const skip = q.skip ?? 0;
    const limit = q.limit ?? DEFAULT_PAGE_SIZE;
    const summary = await readTrackerSummary(moment, campaign, units, q.metricsVersion, { skip, limit });
    return {
      asOf: momentOf(res, moment),
      campaign: { campaignId: campaign.campaignId, name: campaign.name },
      today: dayOf(moment),
      warningThresholds: campaign.warningThresholds,
      metricsVersion: summary.metricsVersion,
      total: summary.total,
      skip,
      limit,
      units: summary.units,
      rollups: summary.rollups,
      overall: summary.overall,
    };
  },
});
