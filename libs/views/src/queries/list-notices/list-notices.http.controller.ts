import { CampaignParams, fromLookup, STAFF } from '@platform/common';
import { NoticeDoc, NOTICES } from '../../notices/notices.documents';
import { publicNotice } from '../../notices/notice-reader';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { unitClause, unitFilter } from '../../shared/view-scope';
import { ListNoticesAnswer } from './list-notices.response';
import { CampaignUnits } from '@platform/campaigns';
import { viewsQuery } from '../query-routes';

export const ListNoticesHttpController = viewsQuery('ListNotices', 'api/campaigns/:campaignId/notices', {
  operation: { summary: '本活动已发布的通报 (list notices)', description: '本活动已发布的通报（涉及本人范围内组织的），按通报日期倒序' },
  answer: ListNoticesAnswer,
  access: { roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' },
  params: CampaignParams, inject: { moments: ViewMoments },
  async handle({ params: p, scope, res }, { moments }) {
    const moment = await moments.resolve(undefined, ['notices']);
    const units = unitFilter(moment.tree, scope, null);
    const notices = await moment
      .store('notices')
      .find<NoticeDoc>(NOTICES, { campaignId: p.campaignId, ...unitClause('unitIds', units) }, { sort: { noticeDate: -1, eventPosition: -1 } });
    return { asOf: momentOf(res, moment), total: notices.length, notices: notices.map(({ _id, unitIds, ...n }) => ({ ...publicNotice(n, moment.positions), unitCount: unitIds.length })) };
  },
});
