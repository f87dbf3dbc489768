import { NotFoundException } from '@nestjs/common';
import { KeyTaskNoticePublished, NoticePublished, noticeStreamId } from '@platform/domain';
import { EventStore } from '@platform/event-store';
import { NOT_FOUND } from '../shared/view-scope';

type Stored = { publishedAt: string; eventPosition: number };
export type StoredBoardNotice = NoticePublished['data'] & Stored & { kind: 'board' };
export type StoredKeyTaskNotice = KeyTaskNoticePublished['data'] & Stored & { kind: 'key-task' };
export type StoredNotice = StoredBoardNotice | StoredKeyTaskNotice;

/** The notice as published: its event is the truth, not a document derived from it. */
export async function readNotice(events: EventStore, noticeId: string): Promise<StoredNotice> {
  const [e] = await events.readStream(noticeStreamId(noticeId));
  const stored = e && { publishedAt: e.recordedAt, eventPosition: e.position };
  if (e?.type === 'NoticePublished') return { ...(e.data as NoticePublished['data']), ...stored, kind: 'board' };
  if (e?.type === 'KeyTaskNoticePublished') return { ...(e.data as KeyTaskNoticePublished['data']), ...stored, kind: 'key-task' };
  throw new NotFoundException(NOT_FOUND);
}
