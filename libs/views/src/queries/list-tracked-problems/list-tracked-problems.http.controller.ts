import { CampaignParams, fromLookup, STAFF } from '@platform/common';
import { dayOf, ledgerCampaign, readProblemPage, TRACKER_PROJECTIONS } from '../../rectification-tracker/tracker-reader';
import { ViewMoments } from '../../shared/view-moment';
import { DEFAULT_PAGE_SIZE } from '../../shared/pagination';
import { momentOf } from '../../shared/view-response';
import { unitFilter } from '../../shared/view-scope';
import { ListTrackedProblemsRequest, problemFiltersOf } from './list-tracked-problems.request.dto';
import { ListTrackedProblemsAnswer } from './list-tracked-problems.response';
import { CampaignUnits } from '@platform/campaigns';
import { viewsQuery } from '../query-routes';

export const ListTrackedProblemsHttpController = viewsQuery('ListTrackedProblems', 'api/campaigns/:campaignId/rectification-tracker/problems', {
  operation: { summary: '整改台账明细 (rectification ledger entries)', description: '整改台账明细：按状态、处理方式、预警等级、子树、来源、是否超期筛选，超期和临近时限的排在前面；用上一页的 next 作 after 翻页；匹配超过 1000 条时只说“超过 1000 条”' },
  answer: ListTrackedProblemsAnswer,
  access: { roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' },
  params: CampaignParams, query: ListTrackedProblemsRequest, inject: { moments: ViewMoments },
  async handle({ params: p, query: q, scope, res }, { moments }) {
    const moment = await moments.resolve(q.asOf, TRACKER_PROJECTIONS);
    const units = unitFilter(moment.tree, scope, q.root);
    const campaign = await ledgerCampaign(moment, p.campaignId);
    const page = { skip: q.skip ?? 0, limit: q.limit ?? DEFAULT_PAGE_SIZE };
    const { total, totalMoreThan, items, next } = await readProblemPage(moment, campaign, problemFiltersOf(q), units, { ...page, after: q.after ?? null });
    return {
      asOf: momentOf(res, moment),
      today: dayOf(moment),
      warningThresholds: campaign.warningThresholds,
      total,
      totalMoreThan,
      ...(totalMoreThan === null ? {} : { totalText: `超过 ${totalMoreThan} 条 (more than ${totalMoreThan})` }),
      ...page,
      next,
      items,
    };
  },
});
