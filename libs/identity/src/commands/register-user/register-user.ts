import { CommandWrites, ProcessUseCase, StreamCommandRunner } from '@platform/common';
import { CommandContext, fold, refuse, userDecider, userStreamId } from '@platform/domain';
import { IdentityPorts } from '../../identity-commands';
import type { RegisterUserRequest } from './register-user.http';
import { reserveUsername } from '../../registration/username-reservation';

const withoutSecret = ({ password: _, ...rest }: RegisterUserRequest) => rest;

const USERNAME_TAKEN_MEANWHILE = '登录名已被同时登记的另一用户占用 (username taken by a concurrent registration)';

/**
 * Two streams, one after the other, never one atomic write of both: the user's stream first (from
 * then on the registration is durable), then the name's reservation. The user signs in only once
 * the name is reserved for them (UserDirectory); a crash between the two leaves a registration that
 * RegistrationCompletion reserves on the next start. Losing the name to a concurrent registration
 * is the one refusal after the first write: the user just written is disabled (the compensation)
 * and the request refused like any taken name.
 */
export const registerUser: ProcessUseCase<RegisterUserRequest, IdentityPorts> = {
  name: 'RegisterUser',
  // The idempotency fingerprint is stored: it must never be derived from the password.
  fingerprint: (i) => ({ command: 'RegisterUser', ...withoutSecret(i) }),
  async steps(i, ports, context, runner, writes) {
    if (await ports.usernameTaken(i.username)) refuse('username_taken', `登录名 ${i.username} 已被使用 (username taken)`);
    const { state } = await runner.load(userStreamId(i.userId), userDecider);
    const unknownUnitIds = i.unitId && !(await ports.tree()).has(i.unitId) ? [i.unitId] : [];
    const registered = userDecider.decide(
      { ...context, type: 'RegisterUser', ...withoutSecret(i), contactPointUnitIds: i.contactPointUnitIds ?? [], unknownUnitIds },
      state,
    );
    const passwordSet = userDecider.decide({ ...context, type: 'SetPassword' }, fold(userDecider, registered));
    await ports.storePassword(i.userId, i.password);
    await writes.append(userStreamId(i.userId), [...registered, ...passwordSet], 'no_stream');
    const holder = await reserveUsername(runner, writes, { username: i.username, userId: i.userId });
    if (holder !== i.userId) {
      await disableUnreserved(runner, writes, context, i.userId);
      refuse('username_taken', `登录名 ${i.username} 已被使用 (username taken)`);
    }
  },
};

/** The compensation: a user whose name another registration holds may never sign in. */
export async function disableUnreserved(runner: StreamCommandRunner, writes: CommandWrites, context: CommandContext, userId: string): Promise<void> {
  const { state, revision } = await runner.load(userStreamId(userId), userDecider);
  if (state.disabled) return;
  await writes.append(userStreamId(userId), userDecider.decide({ ...context, type: 'DisableUser', reason: USERNAME_TAKEN_MEANWHILE }, state), revision);
}
