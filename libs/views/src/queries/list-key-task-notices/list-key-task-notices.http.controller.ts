import { listNotices } from '../../notices/notice-list';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { ListKeyTaskNoticesAnswer } from './list-key-task-notices.response';
import { viewsQuery } from '../query-routes';
import { KEY_TASK_VIEW } from '../view-subjects';

export const ListKeyTaskNoticesHttpController = viewsQuery('ListKeyTaskNotices', 'api/key-tasks/:taskId/notices', {
  operation: { summary: '重点任务已发布的调度通报 (list a key task\'s notices)', description: '本任务已发布的调度通报（涉及本人范围内单位的），按通报日期倒序' },
  answer: ListKeyTaskNoticesAnswer,
  ...KEY_TASK_VIEW, inject: { moments: ViewMoments },
  handle: atMoment(['notices'], ({ params: p, scope }, moment) => listNotices(moment, scope, { taskId: p.taskId })),
});
