import { dayOf, ledgerInScope, readProblemPage, TRACKER_PROJECTIONS } from '../../rectification-tracker/tracker-reader';
import { ViewMoments } from '../../shared/view-moment';
import { DEFAULT_PAGE_SIZE } from '../../shared/pagination';
import { atMoment } from '../moment-query';
import { ListTrackedProblemsRequest, problemFiltersOf } from './list-tracked-problems.request.dto';
import { ListTrackedProblemsAnswer } from './list-tracked-problems.response';
import { viewsQuery } from '../query-routes';
import { CAMPAIGN_VIEW } from '../view-subjects';

export const ListTrackedProblemsHttpController = viewsQuery('ListTrackedProblems', 'api/campaigns/:campaignId/rectification-tracker/problems', {
  operation: { summary: '整改台账明细 (rectification ledger entries)', description: '整改台账明细：按状态、处理方式、预警等级、子树、来源、是否超期筛选，超期和临近时限的排在前面；用上一页的 next 作 after 翻页；匹配超过 1000 条时只说“超过 1000 条”' },
  answer: ListTrackedProblemsAnswer,
  ...CAMPAIGN_VIEW, query: ListTrackedProblemsRequest, inject: { moments: ViewMoments },
  handle: atMoment(TRACKER_PROJECTIONS, async ({ params: p, query: q, scope }, moment) => {
    const { units, campaign } = await ledgerInScope(moment, p.campaignId, scope, q.root);
    const page = { skip: q.skip ?? 0, limit: q.limit ?? DEFAULT_PAGE_SIZE };
    const { total, totalMoreThan, items, next } = await readProblemPage(moment, campaign, problemFiltersOf(q), units, { ...page, after: q.after ?? null });
    return {
      today: dayOf(moment),
      warningThresholds: campaign.warningThresholds,
      total,
      totalMoreThan,
      ...(totalMoreThan === null ? {} : { totalText: `超过 ${totalMoreThan} 条 (more than ${totalMoreThan})` }),
      ...page,
      next,
      items,
    };
  }),
});
