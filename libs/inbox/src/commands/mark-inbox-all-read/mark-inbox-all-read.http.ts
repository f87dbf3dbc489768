import { Matches } from 'class-validator';
import { POSITION_TOKEN_PATTERN, STAFF } from '@platform/common';
import { inboxEdge } from '../../inbox-commands';
import { markInboxAllRead } from './mark-inbox-all-read';

export class MarkInboxAllReadRequest {
  /** The inbox's position token as the list or the count answered it: what came after stays unread */
  @Matches(POSITION_TOKEN_PATTERN, { message: 'position 须为位置令牌 (a position token)' })
  position!: string;
}

export const MarkInboxAllReadHttpController = inboxEdge(markInboxAllRead, 'api/inbox/read-all', {
  operation: { summary: '待办全部已读 (mark the whole inbox read)', description: '把截至某一位置的全部待办标记为已读（位置取自列表或计数的回答，之后到达的仍为未读）' },
  example: { summary: '截至列表或计数回答的位置 (up to the position the list or the count answered)', value: { position: '0000000000000000' } },
  access: { roles: STAFF, mode: 'write', units: null },
  body: MarkInboxAllReadRequest, input: (_p, body, meta) => ({ userId: meta.actor.userId, ...body }),
});
