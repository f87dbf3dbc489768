import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Access, ActorScope, CurrentActor, CurrentScope, STAFF } from '@platform/common';
import { Actor } from '@platform/domain';
import { InboxReader } from '../../inbox-reader';
import { ListInboxAnswer } from './list-inbox.response';

export class ListInboxRequest {
  /** true: 只看未读且仍待处理的 */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread 须为 true 或 false' })
  unread?: boolean;

  /** 跳过条数（最多 1000） */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  skip?: number;

  /** 每页条数，默认 20，最多 100 */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

@ApiTags('inbox 待办')
@Controller('api/inbox')
export class ListInboxHttpController {
  constructor(private readonly inbox: InboxReader) {}

  @ApiOperation({
    summary: '我的待办 (my inbox)',
    description: '本人需要处理或知悉的事项，按时间倒序：整改时限预警、验收不通过、待审批的转段申请、交本单位办理的批示、对本人批示的签收与报告、新通报',
  })
  @ApiOkResponse({ schema: ListInboxAnswer })
  @Access({ roles: STAFF, mode: 'read', units: null })
  @Get()
  async list(@Query() q: ListInboxRequest, @CurrentActor() actor: Actor, @CurrentScope() scope: ActorScope) {
    const caughtUp = await this.inbox.catchUp();
    const [audience, reads, position] = await Promise.all([this.inbox.audience(actor, scope), this.inbox.reads(actor.userId), this.inbox.position()]);
    const skip = q.skip ?? 0;
    const limit = q.limit ?? 20;
    const [unread, page] = await Promise.all([this.inbox.unread(audience, reads), this.inbox.page(audience, reads, { unreadOnly: q.unread === true, skip, limit })]);
    return { position, stale: !caughtUp, unread, readUpTo: reads.upTo, ...page, skip, limit };
  }
}
