import { streamUseCase } from '@platform/common';
import { Role, userDecider, userStreamId } from '@platform/domain';

export const grantRole = streamUseCase(userDecider)({
  name: 'GrantRole',
  streamId: (i: { userId: string; role: Role }) => userStreamId(i.userId),
  toCommand: (i, _, context) => ({ ...context, type: 'GrantRole', role: i.role }),
});
