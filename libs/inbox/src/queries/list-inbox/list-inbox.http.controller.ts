import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { STAFF, token, IsOptionalInteger } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { InboxReader } from '../../inbox-reader';
import { tokenItems } from '../../inbox-tokens';
import { ListInboxAnswer } from './list-inbox.response';
import { inboxQuery } from '../query-routes';

export class ListInboxRequest {
  /** true: 只看未读且仍待处理的 */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread 须为 true 或 false' })
  unread?: boolean;

  /** 跳过条数（最多 1000） */
  @IsOptionalInteger(0, 1000)
  skip?: number;

  /** 每页条数，默认 20，最多 100 */
  @IsOptionalInteger(1, 100)
  limit?: number;
}

export const ListInboxHttpController = inboxQuery('ListInbox', 'api/inbox', {
  operation: {
    summary: '我的待办 (my inbox)',
    description: '本人需要处理或知悉的事项，按时间倒序：整改时限预警、验收不通过、待审批的转段申请、交本单位办理的批示、对本人批示的签收与报告、新通报',
  },
  answer: ListInboxAnswer,
  access: { roles: STAFF, mode: 'read', units: null },
  query: ListInboxRequest, inject: { inbox: InboxReader, events: token<EventStore>(EVENT_STORE) },
  async handle({ query: q, actor, scope }, { inbox, events }) {
    const caughtUp = await inbox.catchUp();
    const [audience, reads, position] = await Promise.all([inbox.audience(actor, scope), inbox.reads(actor.userId), inbox.position()]);
    const skip = q.skip ?? 0;
    const limit = q.limit ?? 20;
    const [unread, page] = await Promise.all([inbox.unread(audience, reads), inbox.page(audience, reads, { unreadOnly: q.unread === true, skip, limit })]);
    const { positions } = events;
    return { position: positions.token(position), stale: !caughtUp, ...unread, readUpTo: positions.token(reads.upTo), ...page, items: tokenItems(page.items, positions), skip, limit };
  },
});
