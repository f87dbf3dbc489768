import { readSchedule } from '../../key-task-schedule/schedule-reader';
import { KEY_TASK_PROJECTIONS } from '../../key-task-schedule/schedule-view';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { unitFilter } from '../../shared/view-scope';
import { KeyTaskScheduleFilterRequest, scheduleQueryOf } from './get-key-task-schedule.request.dto';
import { GetKeyTaskScheduleAnswer } from './get-key-task-schedule.response';
import { viewsQuery } from '../query-routes';
import { KEY_TASK_VIEW } from '../view-subjects';

export const GetKeyTaskScheduleHttpController = viewsQuery('GetKeyTaskSchedule', 'api/key-tasks/:taskId/schedule', {
  operation: { summary: '重点任务调度情况 (a key task\'s schedule)', description: '重点任务调度情况：某次调度（默认最近一次）各承担单位的状态（已完成、按进度推进、滞后、未报送）、完成数、报送内容和历次状态，排名；按乡镇/区县/市逐级汇总并排名；只含本人范围内的单位；asOf 返回历史时刻的结果' },
  answer: GetKeyTaskScheduleAnswer,
  ...KEY_TASK_VIEW, query: KeyTaskScheduleFilterRequest, inject: { moments: ViewMoments },
  handle: atMoment(KEY_TASK_PROJECTIONS, async ({ params: p, query: q, scope }, moment) => {
    const view = await readSchedule(moment.store, moment.tree, p.taskId, unitFilter(moment.tree, scope, q.root), scheduleQueryOf(q));
    return view;
  }),
});
