import type { SchemaObject } from '@nestjs/swagger';
import { arr, bool, num, numOrNull, obj, positionToken, str } from '@platform/common';

const TEXT = { type: 'string' } as const;
const NULLABLE_TEXT = { type: 'string', nullable: true } as const;

/** One inbox item */
export const INBOX_ITEM_SCHEMA: SchemaObject = obj({
  itemId: TEXT,
  kind: str({ enum: ['warning', 'rejected', 'transition', 'instruction', 'reply', 'notice'] }),
  position: positionToken(),
  at: TEXT,
  title: TEXT,
  detail: NULLABLE_TEXT,
  unitId: NULLABLE_TEXT,
  unitName: NULLABLE_TEXT,
  level: NULLABLE_TEXT,
  link: obj({ kind: str({ enum: ['problem', 'instruction', 'notice', 'progress'] }), id: TEXT, campaignId: NULLABLE_TEXT }, { required: ['kind', 'id', 'campaignId'] }),
  resolved: bool(),
  read: bool(),
}, { required: ['itemId', 'kind', 'position', 'at', 'title', 'detail', 'unitId', 'unitName', 'level', 'link', 'resolved', 'read'] });

/** A page of the caller's inbox, newest first */
export const ListInboxAnswer: SchemaObject = obj({
  position: positionToken(),
  stale: bool(),
  unread: num(),
  /** 1000 when more than that wait unread (not counted further), else null */
  unreadMoreThan: numOrNull(),
  readUpTo: positionToken(),
  total: num(),
  totalMoreThan: numOrNull(),
  skip: num(),
  limit: num(),
  items: arr(INBOX_ITEM_SCHEMA),
}, { required: ['position', 'stale', 'unread', 'unreadMoreThan', 'readUpTo', 'total', 'totalMoreThan', 'skip', 'limit', 'items'] });
