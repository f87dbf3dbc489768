import { fromLookup, token } from '@platform/common';
import { handlingVersionOf } from '@platform/domain';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { readNotice } from '../../notices/notice-reader';
import { differences, snapshotHash } from '../../notices/notice-snapshot';
import { BOARD_PROJECTIONS, readBoard } from '../../progress-board/board-reader';
import { ViewMoments } from '../../shared/view-moment';
import { AUDITORS } from '../../shared/view-roles';
import { unitFilter } from '../../shared/view-scope';
import { NoticeParams } from '../get-notice/get-notice.request.dto';
import { ReproduceNoticeRequest } from './reproduce-notice.request.dto';
import { ReproduceNoticeAnswer } from './reproduce-notice.response';
import { NoticeUnits } from '../../shared/view-lookups';
import { readSchedule } from '../../key-task-schedule/schedule-reader';
import { KEY_TASK_PROJECTIONS } from '../../key-task-schedule/schedule-view';
import { viewsQuery } from '../query-routes';

export const ReproduceNoticeHttpController = viewsQuery('ReproduceNotice', 'api/notices/:noticeId/reproduce', {
  operation: { summary: '复核通报 (reproduce a notice from the events)', description: '复核通报：从事件重放到通报的数据截止位置，用同样的口径、范围和排名重新计算，并与保存的快照逐项比对； 也可指定另一版指标口径，看同一时刻在新口径下的结果（重点任务调度通报没有指标口径，忽略 metricsVersion）' },
  answer: ReproduceNoticeAnswer,
  access: { roles: AUDITORS, mode: 'read', units: fromLookup(NoticeUnits, 'noticeId'), match: 'any' },
  params: NoticeParams, query: ReproduceNoticeRequest, inject: { moments: ViewMoments, events: token<EventStore>(EVENT_STORE) },
  async handle({ params: p, query: q }, { moments, events }) {
    const notice = await readNotice(events, p.noticeId);
    const tree = await moments.treeAt(notice.position);
    const units = unitFilter(tree, notice.scope, notice.root);
    const compared = (reproduced: unknown) => {
      const reproducedHash = snapshotHash(reproduced);
      const storedSnapshotHash = snapshotHash(notice.snapshot);
      return {
        storedHash: notice.snapshotHash,
        /** The stored snapshot still matches the hash published with it. */
        storedSnapshotIntact: storedSnapshotHash === notice.snapshotHash,
        reproducedHash,
        identical: reproducedHash === notice.snapshotHash && storedSnapshotHash === notice.snapshotHash,
        differences: differences(notice.snapshot, reproduced),
        snapshot: reproduced,
      };
    };
    if (notice.kind === 'key-task') {
      const query = { stockTakeId: notice.stockTakeId, root: notice.root };
      const reproduced = await moments.replay(notice.position, KEY_TASK_PROJECTIONS, (store) => readSchedule(store, tree, notice.taskId, units, query));
      return { noticeId: notice.noticeId, kind: notice.kind, taskId: notice.taskId, stockTakeId: notice.stockTakeId, position: events.positions.token(notice.position), ...compared(reproduced) };
    }
    const version = q.metricsVersion ?? notice.metricsVersion;
    // Under the classification it was published with: v1 for a notice that records none.
    const handlingVersion = handlingVersionOf(notice.handlingVersion);
    const query = { root: notice.root, unitType: null, phaseKey: null, stage: null, rankBy: notice.rankBy, metricsVersion: version, handlingVersion };
    const reproduced = await moments.replay(notice.position, BOARD_PROJECTIONS, (store) => readBoard(store, tree, notice.campaignId, units, query));
    return {
      noticeId: notice.noticeId,
      kind: notice.kind,
      campaignId: notice.campaignId,
      position: events.positions.token(notice.position),
      publishedMetricsVersion: notice.metricsVersion,
      metricsVersion: version,
      handlingVersion,
      ...compared(reproduced),
    };
  },
});
