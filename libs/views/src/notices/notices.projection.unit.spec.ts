import { specifyProjection } from '@platform/read-models/testing/projection-specification';
import { NOTICES } from './notices.documents';
import { noticesProjection } from './notices.projection';

describe('notices projection', () => {
  it('lists each published notice once, with where it was computed and how', async () => {
    const data = {
      noticeId: 'n-1',
      campaignId: 'c1',
      title: '通报',
      noticeDate: '2026-03-31',
      position: 40,
      metricsVersion: 1,
      rankBy: 'completionRate',
      root: null,
      scope: { all: true, roots: [] },
      unitIds: ['b1'],
      snapshotHash: 'f'.repeat(64),
      snapshot: { rows: [] },
      publishedBy: 'office-1',
    };
    await specifyProjection(noticesProjection)
      .given([{ type: 'NoticePublished', streamId: 'notice-n-1', data }, { type: 'NoticePublished', streamId: 'notice-n-1', data: { ...data, title: '改' } }])
      .then({
        [NOTICES]: [
          {
            _id: 'n-1',
            noticeId: 'n-1',
            campaignId: 'c1',
            title: '通报',
            noticeDate: '2026-03-31',
            position: 40,
            metricsVersion: 1,
            rankBy: 'completionRate',
            root: null,
            unitIds: ['b1'],
            snapshotHash: 'f'.repeat(64),
            publishedBy: 'office-1',
            publishedAt: '2026-03-01T08:01:00.000Z',
            eventPosition: 1,
          },
        ],
      });
  });

  it("lists a key task's stock-take notice beside the campaigns' ones, by its task and stock-take", async () => {
    const data = {
      noticeId: 'kt-n-06',
      taskId: 'kt-1',
      stockTakeId: 'st-06',
      title: '6月调度通报',
      noticeDate: '2026-06-30',
      position: 90,
      root: null,
      scope: { all: true, roots: [] },
      unitIds: ['t1', 't2'],
      snapshotHash: 'e'.repeat(64),
      snapshot: { rows: [] },
      publishedBy: 'office-1',
    };
    const docs = await specifyProjection(noticesProjection).given([{ type: 'KeyTaskNoticePublished', streamId: 'notice-kt-n-06', data }]).documents();
    expect(docs[NOTICES]).toEqual([
      {
        _id: 'kt-n-06',
        noticeId: 'kt-n-06',
        kind: 'key-task',
        taskId: 'kt-1',
        stockTakeId: 'st-06',
        title: '6月调度通报',
        noticeDate: '2026-06-30',
        position: 90,
        root: null,
        unitIds: ['t1', 't2'],
        snapshotHash: 'e'.repeat(64),
        publishedBy: 'office-1',
        publishedAt: '2026-03-01T08:01:00.000Z',
        eventPosition: 1,
      },
    ]);
  });
});
