import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { StreamCommandRunner, UseCaseExecutor } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { BOARD_PROJECTIONS, readBoard } from '../progress-board/board-reader';
import { ViewMoments } from '../shared/view-moment';
import { NoticePorts } from './publish-notice/publish-notice';

/** Notices are computed from the views as they stand at the head: the moments replay what moved on meanwhile. */
@Injectable()
export class NoticeCommands extends UseCaseExecutor<NoticePorts> {
  constructor(runner: StreamCommandRunner, moments: ViewMoments, @Inject(EVENT_STORE) events: EventStore) {
    super(runner, {
      headPosition: () => events.headPosition(),
      treeAt: (position) => moments.treeAt(position),
      boardAt: async (position, tree, campaignId, units, query) => {
        try {
          return await moments.exactly(position, BOARD_PROJECTIONS, (store) => readBoard(store, tree, campaignId, units, query));
        } catch (error) {
          if (!(error instanceof NotFoundException)) throw error;
          return null;
        }
      },
    });
  }
}
