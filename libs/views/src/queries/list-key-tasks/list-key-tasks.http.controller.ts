import { STAFF } from '@platform/common';
import { KEY_TASK_PROJECTIONS } from '../../key-task-schedule/schedule-view';
import { readTaskList } from '../../key-task-schedule/task-list';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { unitFilter } from '../../shared/view-scope';
import { ListKeyTasksRequest } from './list-key-tasks.request.dto';
import { ListKeyTasksAnswer } from './list-key-tasks.response';
import { viewsQuery } from '../query-routes';

export const ListKeyTasksHttpController = viewsQuery('ListKeyTasks', 'api/key-tasks', {
  operation: { summary: '重点任务列表 (list key tasks)', description: '涉及本人范围内单位的重点任务，按完成时限排序，附最近一次调度各状态的单位数；asOf 返回历史时刻的列表' },
  answer: ListKeyTasksAnswer,
  access: { roles: STAFF, mode: 'read', units: null },
  query: ListKeyTasksRequest, inject: { moments: ViewMoments },
  handle: atMoment(KEY_TASK_PROJECTIONS, async ({ query: q, scope }, moment) => {
    const tasks = await readTaskList(moment.store, unitFilter(moment.tree, scope, q.root));
    return { total: tasks.length, tasks };
  }),
});
