import { NoticeEvent } from '@platform/domain';
import { documentProjection } from '@platform/read-models';
import { NoticeDoc, NOTICES } from './notices.documents';

/** 通报 list: one document per published notice, a campaign board's or a key task's stock-take. */
export const noticesProjection = documentProjection<NoticeDoc, NoticeEvent['data']>({
  name: 'notices',
  version: 1,
  collection: NOTICES,
  handles: ['NoticePublished', 'KeyTaskNoticePublished'],
  indexes: { campaignId: 'scalar', taskId: 'scalar', unitIds: 'array', noticeDate: 'scalar', eventPosition: 'scalar' },
  id: (e) => e.data.noticeId,
  evolve: (current, e) => {
    if (current) return current;
    const common = {
      _id: e.data.noticeId,
      noticeId: e.data.noticeId,
      title: e.data.title,
      noticeDate: e.data.noticeDate,
      position: e.data.position,
      root: e.data.root,
      unitIds: e.data.unitIds,
      snapshotHash: e.data.snapshotHash,
      publishedBy: e.data.publishedBy,
      publishedAt: e.recordedAt,
      eventPosition: e.position,
    };
    if ('taskId' in e.data) return { ...common, kind: 'key-task', taskId: e.data.taskId, stockTakeId: e.data.stockTakeId };
    return { ...common, campaignId: e.data.campaignId, metricsVersion: e.data.metricsVersion, rankBy: e.data.rankBy };
  },
});
