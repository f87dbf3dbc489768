import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { StreamCommandRunner, UseCaseExecutor } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { BOARD_PROJECTIONS, readBoard } from '../progress-board/board-reader';
import { ViewMoments } from '../shared/view-moment';
import { readSchedule } from '../key-task-schedule/schedule-reader';
import { KEY_TASK_PROJECTIONS } from '../key-task-schedule/schedule-view';
import { KeyTaskNoticePorts } from './publish-key-task-notice/publish-key-task-notice';
import { NoticePorts } from './publish-notice/publish-notice';

/** Null where the view answers 404: the campaign, task or stock-take does not exist at that position. */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof NotFoundException)) throw error;
    return null;
  }
}

/** Notices are computed from the views as they stand at the head: the moments replay what moved on meanwhile. */
@Injectable()
export class NoticeCommands extends UseCaseExecutor<NoticePorts & KeyTaskNoticePorts> {
  constructor(runner: StreamCommandRunner, moments: ViewMoments, @Inject(EVENT_STORE) events: EventStore) {
    super(runner, {
      headPosition: () => events.headPosition(),
      treeAt: (position) => moments.treeAt(position),
      boardAt: (position, tree, campaignId, units, query) =>
        orNull(() => moments.exactly(position, BOARD_PROJECTIONS, (store) => readBoard(store, tree, campaignId, units, query))),
      scheduleAt: (position, tree, taskId, units, query) =>
        orNull(() => moments.exactly(position, KEY_TASK_PROJECTIONS, (store) => readSchedule(store, tree, taskId, units, query))),
    });
  }
}
