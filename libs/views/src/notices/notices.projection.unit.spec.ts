import { specifyProjection } from '@platform/read-models/testing/projection-specification';
import { NOTICES } from './notices.documents';
import { noticesProjection } from './notices.projection';

/** A published notice's data: what the spec gives, over the unscoped, rootless notice the office publishes. */
const published = <T extends { noticeId: string }>(notice: T) => ({ root: null, scope: { all: true, roots: [] }, snapshot: { rows: [] }, publishedBy: 'office-1', ...notice });

/** The listed document of the first notice a spec publishes: the notice as published, without its scope and its snapshot. */
function listed<T extends { noticeId: string; scope: unknown; snapshot: unknown }>({ scope: _scope, snapshot: _snapshot, ...notice }: T) {
  return { _id: notice.noticeId, ...notice, publishedAt: '2026-03-01T08:01:00.000Z', eventPosition: 1 };
}

describe('notices projection', () => {
  it('lists each published notice once, with where it was computed and how', async () => {
    const data = published({ noticeId: 'n-1', campaignId: 'c1', title: '通报', noticeDate: '2026-03-31', position: 40, metricsVersion: 1, rankBy: 'completionRate', unitIds: ['b1'], snapshotHash: 'f'.repeat(64) });
    await specifyProjection(noticesProjection)
      .given([{ type: 'NoticePublished', streamId: 'notice-n-1', data }, { type: 'NoticePublished', streamId: 'notice-n-1', data: { ...data, title: '改' } }])
      .then({
        [NOTICES]: [listed(data)],
      });
  });

  it("lists a key task's stock-take notice beside the campaigns' ones, by its task and stock-take", async () => {
    const data = published({ noticeId: 'kt-n-06', taskId: 'kt-1', stockTakeId: 'st-06', title: '6月调度通报', noticeDate: '2026-06-30', position: 90, unitIds: ['t1', 't2'], snapshotHash: 'e'.repeat(64) });
    const docs = await specifyProjection(noticesProjection).given([{ type: 'KeyTaskNoticePublished', streamId: 'notice-kt-n-06', data }]).documents();
    expect(docs[NOTICES]).toEqual([{ ...listed(data), kind: 'key-task' }]);
  });
});
