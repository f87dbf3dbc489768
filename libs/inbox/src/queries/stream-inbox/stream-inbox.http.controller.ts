import { Controller, Inject, Logger, MessageEvent, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, CurrentActor, CurrentScope, STAFF } from '@platform/common';
import { Actor } from '@platform/domain';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { Observable } from 'rxjs';
import { InboxFeed } from '../../inbox-feed';
import { InboxReader } from '../../inbox-reader';
import { tokenItems } from '../../inbox-tokens';

/** How many new items one batch sends at most; the list has the rest. */
const ITEMS_PER_BATCH = 50;

@ApiTags('inbox 待办')
@Controller('api/inbox/stream')
export class StreamInboxHttpController {
  private readonly logger = new Logger('InboxStream');

  constructor(
    private readonly inbox: InboxReader,
    private readonly feed: InboxFeed,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @ApiOperation({
    summary: '待办实时推送 (live inbox, server-sent events)',
    description:
      'Server-Sent Events：连接后先推送一次 `count`（未读数与位置）；此后每当待办有新的批次写入，推送新到达的每条 `item`（结构同待办列表中的一项），再推送新的 `count`',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'event: count | item; data: JSON', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  @Access({ roles: STAFF, mode: 'read', units: null })
  @Sse()
  stream(@CurrentActor() actor: Actor, @CurrentScope() scope: ActorScope): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      let cursor = -1;
      let queue = Promise.resolve();
      const send = async () => {
        const [audience, reads, position] = await Promise.all([this.inbox.audience(actor, scope), this.inbox.reads(actor.userId), this.inbox.position()]);
        if (cursor >= 0 && position > cursor) {
          const fresh = await this.inbox.page(audience, reads, { unreadOnly: false, skip: 0, limit: ITEMS_PER_BATCH, after: cursor });
          for (const item of tokenItems(fresh.items, this.events.positions).reverse()) subscriber.next({ type: 'item', id: item.position, data: item });
        }
        cursor = Math.max(cursor, position);
        subscriber.next({ type: 'count', data: { ...(await this.inbox.unread(audience, reads)), position: this.events.positions.token(position) } });
      };
      const next = () => {
        queue = queue.then(send).catch((error: unknown) => {
          this.logger.warn(`inbox stream of ${actor.userId}: ${String(error)}`);
        });
      };
      next();
      const batches = this.feed.positions.subscribe({ next, error: (error: unknown) => subscriber.error(error) });
      return () => batches.unsubscribe();
    });
  }
}
