import type { SchemaObject } from '@nestjs/swagger';

const TEXT = { type: 'string' } as const;
const NULLABLE_TEXT = { type: 'string', nullable: true } as const;

/** One inbox item */
export const INBOX_ITEM_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    itemId: TEXT,
    kind: { type: 'string', enum: ['warning', 'rejected', 'transition', 'instruction', 'reply', 'notice'] },
    position: { type: 'number' },
    at: TEXT,
    title: TEXT,
    detail: NULLABLE_TEXT,
    unitId: NULLABLE_TEXT,
    unitName: NULLABLE_TEXT,
    level: NULLABLE_TEXT,
    link: {
      type: 'object',
      properties: { kind: { type: 'string', enum: ['problem', 'instruction', 'notice', 'progress'] }, id: TEXT, campaignId: NULLABLE_TEXT },
      required: ['kind', 'id', 'campaignId'],
    },
    resolved: { type: 'boolean' },
    read: { type: 'boolean' },
  },
  required: ['itemId', 'kind', 'position', 'at', 'title', 'detail', 'unitId', 'unitName', 'level', 'link', 'resolved', 'read'],
};

/** A page of the caller's inbox, newest first */
export const ListInboxAnswer: SchemaObject = {
  type: 'object',
  properties: {
    position: { type: 'number' },
    stale: { type: 'boolean' },
    unread: { type: 'number' },
    readUpTo: { type: 'number' },
    total: { type: 'number' },
    totalMoreThan: { type: 'number', nullable: true },
    skip: { type: 'number' },
    limit: { type: 'number' },
    items: { type: 'array', items: INBOX_ITEM_SCHEMA },
  },
  required: ['position', 'stale', 'unread', 'readUpTo', 'total', 'totalMoreThan', 'skip', 'limit', 'items'],
};
