import { Body, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, CommandRoutes, MAX_QUERY_INTEGER, respond, STAFF } from '@platform/common';
import type { Response } from 'express';
import { InboxCommandController } from '../../inbox-commands';
import { markInboxAllRead } from './mark-inbox-all-read';

export class MarkInboxAllReadRequest {
  /** The inbox's position as the list or the count answered it: what came after stays unread */
  @IsInt()
  @Min(0)
  @Max(MAX_QUERY_INTEGER)
  position!: number;
}

@CommandRoutes('inbox 待办', 'api/inbox')
export class MarkInboxAllReadHttpController extends InboxCommandController {
  @ApiOperation({ summary: '待办全部已读 (mark the whole inbox read)', description: '把截至某一位置的全部待办标记为已读（位置取自列表或计数的回答，之后到达的仍为未读）' })
  @ApiRequestExample(MarkInboxAllReadRequest, '截至位置 120 (up to position 120)', { position: 0 })
  @Access({ roles: STAFF, mode: 'write', units: null })
  @Post('read-all')
  handle(@Command() meta: CommandMeta, @Body() body: MarkInboxAllReadRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(markInboxAllRead, { userId: meta.actor.userId, ...body }, meta));
  }
}
