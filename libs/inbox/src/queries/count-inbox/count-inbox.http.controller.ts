import type { SchemaObject } from '@nestjs/swagger';
import { positionToken, STAFF, token } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { InboxReader } from '../../inbox-reader';
import { inboxQuery } from '../query-routes';

/** How many items wait unread, and up to where the inbox is */
export const CountInboxAnswer: SchemaObject = {
  type: 'object',
  properties: {
    /** At most 1000 */
    unread: { type: 'number' },
    /** 1000 when more than that wait unread (they are not counted further), else null */
    unreadMoreThan: { type: 'number', nullable: true },
    /** The inbox's position: pass it to read-all to mark exactly what was counted */
    position: positionToken(),
    /** The inbox did not reach the head in time: the count may miss the latest items */
    stale: { type: 'boolean' },
  },
  required: ['unread', 'unreadMoreThan', 'position', 'stale'],
};

export const CountInboxHttpController = inboxQuery('CountInbox', 'api/inbox/count', {
  operation: { summary: '未读待办数 (unread count)', description: '本人未读、仍待处理的待办条数：两次按索引计数，至多数到 1000（超过时 unreadMoreThan 为 1000），可频繁轮询' },
  answer: CountInboxAnswer,
  access: { roles: STAFF, mode: 'read', units: null },
  inject: { inbox: InboxReader, events: token<EventStore>(EVENT_STORE) },
  async handle({ actor, scope }, { inbox, events }) {
    const caughtUp = await inbox.catchUp();
    const [audience, reads, position] = await Promise.all([inbox.audience(actor, scope), inbox.reads(actor.userId), inbox.position()]);
    return { ...(await inbox.unread(audience, reads)), position: events.positions.token(position), stale: !caughtUp };
  },
});
