import { NotFoundException } from '@nestjs/common';
import { NoticePublished, noticeStreamId } from '@platform/domain';
import { EventStore } from '@platform/event-store';
import { NOT_FOUND } from '../shared/view-scope';

export type StoredNotice = NoticePublished['data'] & { publishedAt: string; eventPosition: number };

/** The notice as published: its event is the truth, not a document derived from it. */
export async function readNotice(events: EventStore, noticeId: string): Promise<StoredNotice> {
  const [e] = await events.readStream(noticeStreamId(noticeId));
  if (!e || e.type !== 'NoticePublished') throw new NotFoundException(NOT_FOUND);
  return { ...(e.data as NoticePublished['data']), publishedAt: e.recordedAt, eventPosition: e.position };
}
