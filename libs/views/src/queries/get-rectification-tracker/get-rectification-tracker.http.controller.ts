import { dayOf, ledgerInScope, readTrackerSummary, TRACKER_PROJECTIONS } from '../../rectification-tracker/tracker-reader';
import { ViewMoments } from '../../shared/view-moment';
import { DEFAULT_PAGE_SIZE } from '../../shared/pagination';
import { atMoment } from '../moment-query';
import { GetRectificationTrackerRequest } from './get-rectification-tracker.request.dto';
import { GetRectificationTrackerAnswer } from './get-rectification-tracker.response';
import { viewsQuery } from '../query-routes';
import { CAMPAIGN_VIEW } from '../view-subjects';

export const GetRectificationTrackerHttpController = viewsQuery('GetRectificationTracker', 'api/campaigns/:campaignId/rectification-tracker', {
  operation: { summary: '整改进度 (rectification tracker)', description: '整改进度：按责任单位统计已销号、已验收待销号、已整改待验收、整改中、限期整改、暂缓解决、 联动整改（含各任务完成情况）、超期及绿/黄/红预警，并逐级汇总；预警按查询时刻（或 asOf）的日期计算' },
  answer: GetRectificationTrackerAnswer,
  ...CAMPAIGN_VIEW, query: GetRectificationTrackerRequest, inject: { moments: ViewMoments },
  handle: atMoment(TRACKER_PROJECTIONS, async ({ params: p, query: q, scope }, moment) => {
    const { units, campaign } = await ledgerInScope(moment, p.campaignId, scope, q.root);
    const skip = q.skip ?? 0;
    const limit = q.limit ?? DEFAULT_PAGE_SIZE;
    const summary = await readTrackerSummary(moment, campaign, units, q.metricsVersion, { skip, limit });
    return {
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
  }),
});
