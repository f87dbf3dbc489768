import { Body, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, CommandRoutes, respond, STAFF } from '@platform/common';
import { INBOX_ITEM_ID_PATTERN, MAX_ITEMS_MARKED } from '@platform/domain';
import type { Response } from 'express';
import { InboxCommandController } from '../../inbox-commands';
import { markInboxRead } from './mark-inbox-read';

export class MarkInboxReadRequest {
  /** The items read, as the list gave them (itemId) */
  @IsArray()
  @ArrayMinSize(1, { message: 'itemIds 至少一项' })
  @ArrayMaxSize(MAX_ITEMS_MARKED)
  @Matches(INBOX_ITEM_ID_PATTERN, { each: true, message: 'itemIds 中每项须为待办编号' })
  itemIds!: string[];
}

@CommandRoutes('inbox 待办', 'api/inbox')
export class MarkInboxReadHttpController extends InboxCommandController {
  @ApiOperation({ summary: '标记待办已读 (mark inbox items read)', description: '把自己的若干条待办标记为已读；已读的再标记不重复记录' })
  @ApiRequestExample(MarkInboxReadRequest, '两条待办 (two items)', { itemIds: ['instruction.instr-2026-001.branch-1', 'notice.n-2026-03'] })
  @Access({ roles: STAFF, mode: 'write', units: null })
  @Post('read')
  handle(@Command() meta: CommandMeta, @Body() body: MarkInboxReadRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(markInboxRead, { userId: meta.actor.userId, ...body }, meta));
  }
}
