import { DomainEvent } from '../shared/decider';

/** Items the user has read, one by one. */
export type InboxItemsRead = DomainEvent<'InboxItemsRead', { userId: string; itemIds: string[] }>;
/** Everything up to a position of the log, read at once ("全部已读"). */
export type InboxReadUpTo = DomainEvent<'InboxReadUpTo', { userId: string; position: number }>;

export type InboxEvent = InboxItemsRead | InboxReadUpTo;

export const INBOX_EVENT_TYPES: InboxEvent['type'][] = ['InboxItemsRead', 'InboxReadUpTo'];

export const inboxStreamId = (userId: string) => `inbox-${userId}`;

/** An inbox item's id: kind and source, e.g. `instruction.i-1.branch-3`. */
export const INBOX_ITEM_ID_PATTERN = /^[a-z]+(\.[A-Za-z0-9_-]{1,64}){1,4}$/;
