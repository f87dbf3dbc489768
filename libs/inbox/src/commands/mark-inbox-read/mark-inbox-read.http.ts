import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { STAFF } from '@platform/common';
import { INBOX_ITEM_ID_PATTERN, MAX_ITEMS_MARKED } from '@platform/domain';
import { inboxEdge } from '../../inbox-commands';
import { markInboxRead } from './mark-inbox-read';

export class MarkInboxReadRequest {
  /** The items read, as the list gave them (itemId) */
  @IsArray()
  @ArrayMinSize(1, { message: 'itemIds 至少一项' })
  @ArrayMaxSize(MAX_ITEMS_MARKED)
  @Matches(INBOX_ITEM_ID_PATTERN, { each: true, message: 'itemIds 中每项须为待办编号' })
  itemIds!: string[];
}

export const MarkInboxReadHttpController = inboxEdge(markInboxRead, 'api/inbox/read', {
  operation: { summary: '标记待办已读 (mark inbox items read)', description: '把自己的若干条待办标记为已读；已读的再标记不重复记录' },
  example: { summary: '两条待办 (two items)', value: { itemIds: ['instruction.instr-2026-001.branch-1', 'notice.n-2026-03'] } },
  access: { roles: STAFF, mode: 'write', units: null },
  body: MarkInboxReadRequest, input: (_p, body, meta) => ({ userId: meta.actor.userId, ...body }),
});
