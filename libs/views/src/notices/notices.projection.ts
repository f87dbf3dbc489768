import { NoticePublished } from '@platform/domain';
import { documentProjection } from '@platform/read-models';
import { NoticeDoc, NOTICES } from './notices.documents';

/** 通报 list: one document per published notice. */
export const noticesProjection = documentProjection<NoticeDoc, NoticePublished['data']>({
  name: 'notices',
  version: 1,
  collection: NOTICES,
  handles: ['NoticePublished'],
  indexes: { campaignId: 'scalar', unitIds: 'array', noticeDate: 'scalar', eventPosition: 'scalar' },
  id: (e) => e.data.noticeId,
  evolve: (current, e) =>
    current ?? {
      _id: e.data.noticeId,
      noticeId: e.data.noticeId,
      campaignId: e.data.campaignId,
      title: e.data.title,
      noticeDate: e.data.noticeDate,
      position: e.data.position,
      metricsVersion: e.data.metricsVersion,
      rankBy: e.data.rankBy,
      root: e.data.root,
      unitIds: e.data.unitIds,
      snapshotHash: e.data.snapshotHash,
      publishedBy: e.data.publishedBy,
      publishedAt: e.recordedAt,
      eventPosition: e.position,
    },
});
