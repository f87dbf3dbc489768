import { streamUseCase } from '@platform/common';
import { userDecider, userStreamId } from '@platform/domain';

export const disableUser = streamUseCase(userDecider)({
  name: 'DisableUser',
  streamId: (i: { userId: string; reason: string }) => userStreamId(i.userId),
  toCommand: (i, _, context) => ({ ...context, type: 'DisableUser', reason: i.reason }),
});
