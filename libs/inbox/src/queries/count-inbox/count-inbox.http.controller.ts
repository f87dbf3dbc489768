import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { Access, ActorScope, CurrentActor, CurrentScope, STAFF } from '@platform/common';
import { Actor } from '@platform/domain';
import { InboxReader } from '../../inbox-reader';

/** How many items wait unread, and up to where the inbox is */
export const CountInboxAnswer: SchemaObject = {
  type: 'object',
  properties: {
    unread: { type: 'number' },
    /** The inbox's position: pass it to read-all to mark exactly what was counted */
    position: { type: 'number' },
    /** The inbox did not reach the head in time: the count may miss the latest items */
    stale: { type: 'boolean' },
  },
  required: ['unread', 'position', 'stale'],
};

@ApiTags('inbox 待办')
@Controller('api/inbox/count')
export class CountInboxHttpController {
  constructor(private readonly inbox: InboxReader) {}

  @ApiOperation({ summary: '未读待办数 (unread count)', description: '本人未读、仍待处理的待办条数：两次按索引计数，可频繁轮询' })
  @ApiOkResponse({ schema: CountInboxAnswer })
  @Access({ roles: STAFF, mode: 'read', units: null })
  @Get()
  async count(@CurrentActor() actor: Actor, @CurrentScope() scope: ActorScope) {
    const caughtUp = await this.inbox.catchUp();
    const [audience, reads, position] = await Promise.all([this.inbox.audience(actor, scope), this.inbox.reads(actor.userId), this.inbox.position()]);
    return { unread: await this.inbox.unread(audience, reads), position, stale: !caughtUp };
  }
}
