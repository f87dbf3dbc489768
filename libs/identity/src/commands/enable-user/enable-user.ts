import { streamUseCase } from '@platform/common';
import { userDecider, userStreamId } from '@platform/domain';

export const enableUser = streamUseCase(userDecider)({
  name: 'EnableUser',
  streamId: (i: { userId: string }) => userStreamId(i.userId),
  toCommand: (_, __, context) => ({ ...context, type: 'EnableUser' }),
});
