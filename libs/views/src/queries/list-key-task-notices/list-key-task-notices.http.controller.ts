import { fromLookup, STAFF } from '@platform/common';
import { KeyTaskParams, KeyTaskUnits } from '@platform/key-tasks';
import { NoticeDoc, NOTICES } from '../../notices/notices.documents';
import { publicNotice } from '../../notices/notice-reader';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { unitClause, unitFilter } from '../../shared/view-scope';
import { ListKeyTaskNoticesAnswer } from './list-key-task-notices.response';
import { viewsQuery } from '../query-routes';

export const ListKeyTaskNoticesHttpController = viewsQuery('ListKeyTaskNotices', 'api/key-tasks/:taskId/notices', {
  operation: { summary: '重点任务已发布的调度通报 (list a key task\'s notices)', description: '本任务已发布的调度通报（涉及本人范围内单位的），按通报日期倒序' },
  answer: ListKeyTaskNoticesAnswer,
  access: { roles: STAFF, mode: 'read', units: fromLookup(KeyTaskUnits, 'taskId'), match: 'any' },
  params: KeyTaskParams, inject: { moments: ViewMoments },
  async handle({ params: p, scope, res }, { moments }) {
    const moment = await moments.resolve(undefined, ['notices']);
    const units = unitFilter(moment.tree, scope, null);
    const notices = await moment
      .store('notices')
      .find<NoticeDoc>(NOTICES, { taskId: p.taskId, ...unitClause('unitIds', units) }, { sort: { noticeDate: -1, eventPosition: -1 } });
    return { asOf: momentOf(res, moment), total: notices.length, notices: notices.map(({ _id, unitIds, ...n }) => ({ ...publicNotice(n, moment.positions), unitCount: unitIds.length })) };
  },
});
