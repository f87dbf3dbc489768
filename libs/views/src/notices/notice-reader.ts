import { NotFoundException } from '@nestjs/common';
import { KeyTaskNoticePublished, NoticePublished, noticeStreamId } from '@platform/domain';
import { EventStore, PositionCodec } from '@platform/event-store';
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

/**
 * A notice as the API shows it: the position it was computed at and its own event's position as
 * tokens. The stored event keeps its number (its snapshot hash never covered it), so a notice
 * published before positions became opaque reads and reproduces exactly as it did.
 */
export function publicNotice<N extends { position: number; eventPosition?: number | null }>(notice: N, positions: PositionCodec) {
  return {
    ...notice,
    position: positions.token(notice.position),
    eventPosition: notice.eventPosition === undefined || notice.eventPosition === null ? null : positions.token(notice.eventPosition),
  };
}
