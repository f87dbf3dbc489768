import { streamUseCase } from '@platform/common';
import { inboxReadsDecider, inboxStreamId } from '@platform/domain';
import type { MarkInboxReadRequest } from './mark-inbox-read.http';

export const markInboxRead = streamUseCase(inboxReadsDecider)({
  name: 'MarkInboxRead',
  streamId: (i: { userId: string } & MarkInboxReadRequest) => inboxStreamId(i.userId),
  toCommand: (i, _facts, context) => ({ type: 'MarkInboxItemsRead', ...context, userId: i.userId, itemIds: i.itemIds }),
});
