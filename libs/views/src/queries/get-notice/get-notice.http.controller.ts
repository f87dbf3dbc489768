import { fromLookup, STAFF, token } from '@platform/common';
import { CheckpointWitness, EVENT_STORE, EventStore, WITNESS } from '@platform/event-store';
import { publicNotice, readNotice } from '../../notices/notice-reader';
import { documentCheckpoint } from '../../shared/document-checkpoint';
import { NoticeParams } from './get-notice.request.dto';
import { GetNoticeAnswer } from './get-notice.response';
import { NoticeUnits } from '../../shared/view-lookups';
import { viewsQuery } from '../query-routes';

export const GetNoticeHttpController = viewsQuery('GetNotice', 'api/notices/:noticeId', {
  operation: { summary: '已发布的通报原文 (get a notice)', description: '已发布的通报原文：标题、日期、数据截止位置、指标口径、排名快照及其摘要（发布后永不改变），以及发布时签发的审计检查点（checkpoint.text 可复制后用 /api/audit-trail/checkpoints/verify 核验）' },
  answer: GetNoticeAnswer,
  access: { roles: STAFF, mode: 'read', units: fromLookup(NoticeUnits, 'noticeId'), match: 'any' },
  params: NoticeParams, inject: { events: token<EventStore>(EVENT_STORE), witness: token<CheckpointWitness>(WITNESS) },
  async handle({ params: p }, { events, witness }) {
    const notice = await readNotice(events, p.noticeId);
    return { ...publicNotice(notice, events.positions), checkpoint: await documentCheckpoint(witness, { notice: p.noticeId }) };
  },
});
