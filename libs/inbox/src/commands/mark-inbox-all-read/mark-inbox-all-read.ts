import { badRequest, streamUseCase } from '@platform/common';
import { inboxReadsDecider, inboxStreamId } from '@platform/domain';
import { InboxPorts } from '../../inbox-commands';
import type { MarkInboxAllReadRequest } from './mark-inbox-all-read.http';

export const markInboxAllRead = streamUseCase(inboxReadsDecider)({
  name: 'MarkInboxAllRead',
  streamId: (i: { userId: string } & MarkInboxAllReadRequest) => inboxStreamId(i.userId),
  facts: async (i, ports: InboxPorts) => {
    const position = ports.positionOf(i.position);
    if (position === null) throw badRequest([{ field: 'position', rule: 'positionToken', message: 'position 须为列表或计数给出的位置令牌 (the position token the list or the count answered)' }]);
    return { position, headPosition: await ports.headPosition() };
  },
  toCommand: (i, { position, headPosition }, context) => ({ type: 'MarkInboxReadUpTo', ...context, userId: i.userId, position, headPosition }),
});
