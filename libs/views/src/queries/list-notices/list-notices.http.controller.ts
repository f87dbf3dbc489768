import { listNotices } from '../../notices/notice-list';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { ListNoticesAnswer } from './list-notices.response';
import { viewsQuery } from '../query-routes';
import { CAMPAIGN_VIEW } from '../view-subjects';

export const ListNoticesHttpController = viewsQuery('ListNotices', 'api/campaigns/:campaignId/notices', {
  operation: { summary: '本活动已发布的通报 (list notices)', description: '本活动已发布的通报（涉及本人范围内组织的），按通报日期倒序' },
  answer: ListNoticesAnswer,
  ...CAMPAIGN_VIEW, inject: { moments: ViewMoments },
  handle: atMoment(['notices'], ({ params: p, scope }, moment) => listNotices(moment, scope, { campaignId: p.campaignId })),
});
