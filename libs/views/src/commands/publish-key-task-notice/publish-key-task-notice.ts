import { ActorScope, streamUseCase } from '@platform/common';
import { noticeDecider, noticeStreamId, OrganizationTree } from '@platform/domain';
import { ScheduleQuery, ScheduleView } from '../../key-task-schedule/schedule-view';
import { UnitFilter } from '../../shared/view-scope';
import type { PublishNoticePayload } from '../publish-notice/publish-notice.http';
import { NoticePorts, publishedSnapshot, publisherUnits } from '../publish-notice/publish-notice';

export interface KeyTaskNoticePorts extends Pick<NoticePorts, 'headPosition' | 'treeAt'> {
  /** The task's schedule at exactly that position; null when the task or the stock-take does not exist there. */
  scheduleAt(position: number, tree: OrganizationTree, taskId: string, units: UnitFilter, query: ScheduleQuery): Promise<ScheduleView | null>;
}

export type PublishKeyTaskNoticeInput = { taskId: string; stockTakeId: string; scope: ActorScope } & PublishNoticePayload;

/**
 * A stock-take's ranking published as a 通报: computed at the head from the tree and documents
 * exactly there, for the publisher's scope, as a later reproduction replays them.
 */
export const publishKeyTaskNotice = streamUseCase(noticeDecider)({
  name: 'PublishKeyTaskNotice',
  streamId: (i: PublishKeyTaskNoticeInput) => noticeStreamId(i.noticeId),
  facts: async (i, ports: KeyTaskNoticePorts) => {
    const position = await ports.headPosition();
    const tree = await ports.treeAt(position);
    const query: ScheduleQuery = { stockTakeId: i.stockTakeId, root: i.root ?? null };
    const units = publisherUnits(tree, i.scope, query.root);
    return { position, query, snapshot: await ports.scheduleAt(position, tree, i.taskId, units, query) };
  },
  toCommand: (i, { position, query, snapshot }, context) => ({
    type: 'PublishKeyTaskNotice',
    ...context,
    stockTake: { taskId: i.taskId, stockTakeId: i.stockTakeId, found: snapshot !== null },
    headPosition: position,
    noticeId: i.noticeId,
    title: i.title,
    noticeDate: i.noticeDate ?? context.at.slice(0, 10),
    position,
    ...publishedSnapshot(i.scope, query.root, snapshot),
  }),
  fingerprint: ({ scope: _, ...request }) => ({ command: 'PublishKeyTaskNotice', ...request }),
});
