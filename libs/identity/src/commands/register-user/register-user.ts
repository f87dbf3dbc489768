import { ManyStreamUseCase } from '@platform/common';
import { fold, refuse, userDecider, usernameStreamId, userStreamId } from '@platform/domain';
import { IdentityPorts } from '../../identity-commands';
import type { RegisterUserRequest } from './register-user.http';

const withoutSecret = ({ password: _, ...rest }: RegisterUserRequest) => rest;

export const registerUser: ManyStreamUseCase<RegisterUserRequest, IdentityPorts> = {
  name: 'RegisterUser',
  // The idempotency fingerprint is stored: it must never be derived from the password.
  fingerprint: (i) => ({ command: 'RegisterUser', ...withoutSecret(i) }),
  async decideWrites(i, ports, context, runner) {
    if (await ports.usernameTaken(i.username)) refuse('username_taken', `登录名 ${i.username} 已被使用 (username taken)`);
    const { state } = await runner.load(userStreamId(i.userId), userDecider);
    const unknownUnitIds = i.unitId && !(await ports.tree()).has(i.unitId) ? [i.unitId] : [];
    const registered = userDecider.decide(
      { ...context, type: 'RegisterUser', ...withoutSecret(i), contactPointUnitIds: i.contactPointUnitIds ?? [], unknownUnitIds },
      state,
    );
    const passwordSet = userDecider.decide({ ...context, type: 'SetPassword' }, fold(userDecider, registered));
    await ports.storePassword(i.userId, i.password);
    return [
      { streamId: userStreamId(i.userId), events: [...registered, ...passwordSet], expected: 'no_stream' },
      { streamId: usernameStreamId(i.username), events: [{ type: 'UsernameReserved', data: { username: i.username, userId: i.userId } }], expected: 'no_stream' },
    ];
  },
};
