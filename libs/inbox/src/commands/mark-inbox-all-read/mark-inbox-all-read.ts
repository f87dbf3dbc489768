import { streamUseCase } from '@platform/common';
import { inboxReadsDecider, inboxStreamId } from '@platform/domain';
import { InboxPorts } from '../../inbox-commands';
import type { MarkInboxAllReadRequest } from './mark-inbox-all-read.http';

export const markInboxAllRead = streamUseCase(inboxReadsDecider)({
  name: 'MarkInboxAllRead',
  streamId: (i: { userId: string } & MarkInboxAllReadRequest) => inboxStreamId(i.userId),
  facts: (_i, ports: InboxPorts) => ports.headPosition(),
  toCommand: (i, headPosition, context) => ({ type: 'MarkInboxReadUpTo', ...context, userId: i.userId, position: i.position, headPosition }),
});
