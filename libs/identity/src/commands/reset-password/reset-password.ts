import { streamUseCase } from '@platform/common';
import { userDecider, userStreamId } from '@platform/domain';
import { IdentityPorts } from '../../identity-commands';

export const resetPassword = streamUseCase(userDecider)({
  name: 'ResetPassword',
  streamId: (i: { userId: string; password: string }) => userStreamId(i.userId),
  // The hash is stored only once the decider accepts (the user exists); the event never holds it.
  facts: async (i, ports: IdentityPorts, state, context) => {
    userDecider.decide({ ...context, type: 'SetPassword' }, state);
    await ports.storePassword(i.userId, i.password);
  },
  toCommand: (_, __, context) => ({ ...context, type: 'SetPassword' }),
  // The idempotency fingerprint is stored: it must never be derived from the password.
  fingerprint: (i) => ({ command: 'ResetPassword', userId: i.userId }),
});
