import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, CurrentScope, STAFF } from '@platform/common';
import type { Response } from 'express';
import { KEY_TASK_PROJECTIONS } from '../../key-task-schedule/schedule-view';
import { readTaskList } from '../../key-task-schedule/task-list';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { unitFilter } from '../../shared/view-scope';
import { ListKeyTasksRequest } from './list-key-tasks.request.dto';
import { ListKeyTasksAnswer } from './list-key-tasks.response';

@ApiTags('views 看板·台账·审计')
@Controller('api/key-tasks')
export class ListKeyTasksHttpController {
  constructor(private readonly moments: ViewMoments) {}

  @ApiOperation({ summary: '重点任务列表 (list key tasks)', description: '涉及本人范围内单位的重点任务，按完成时限排序，附最近一次调度各状态的单位数；asOf 返回历史时刻的列表' })
  @ApiOkResponse({ schema: ListKeyTasksAnswer })
  @Access({ roles: STAFF, mode: 'read', units: null })
  @Get()
  async list(@Query() q: ListKeyTasksRequest, @CurrentScope() scope: ActorScope, @Res({ passthrough: true }) res: Response) {
    const moment = await this.moments.resolve(q.asOf, KEY_TASK_PROJECTIONS);
    const tasks = await readTaskList(moment.store, unitFilter(moment.tree, scope, q.root));
    return { asOf: momentOf(res, moment), total: tasks.length, tasks };
  }
}
