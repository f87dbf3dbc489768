import { Injectable, Logger } from '@nestjs/common';
import { derivedId, NO_SCOPE, StreamCommandRunner } from '@platform/common';
import { Actor, UserRegistered } from '@platform/domain';
import { UserDirectory } from '../users/user-directory';
import { disableUnreserved } from '../commands/register-user/register-user';
import { reserveUsername } from './username-reservation';

/**
 * The recovery of registerUser: a registration whose process stopped after the user's stream (a
 * crash, a lost connection to the store) gets its name reserved, as the registration would have
 * done, with an event id derived from the registration's so that two processes recovering at once
 * write it once; or, when another registration holds the name meanwhile, the user is disabled.
 * Run at start, before anything signs in.
 */
@Injectable()
export class RegistrationCompletion {
  private readonly logger = new Logger('identity');

  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly users: UserDirectory,
  ) {}

  async completeAll(): Promise<{ reserved: number; disabled: number }> {
    const { runner } = this;
    const done = { reserved: 0, disabled: 0 };
    for (const registered of await this.users.unreservedRegistrations()) {
      const { userId, username } = registered.data as UserRegistered['data'];
      const actor = registered.actor as Actor;
      const writes = runner.writes({ actor, scope: NO_SCOPE, correlationId: registered.correlationId }, null, registered.occurredAt);
      const holder = await reserveUsername(runner, writes, { username, userId }, [derivedId(registered.eventId, 'reservation')]);
      if (holder === userId) {
        done.reserved++;
        continue;
      }
      const disabled = (await this.users.get(userId))?.disabled;
      await disableUnreserved(runner, writes, { actor, at: registered.occurredAt }, userId);
      if (!disabled) done.disabled++;
    }
    if (done.reserved + done.disabled > 0) {
      this.logger.warn(`完成中断的用户登记 (completed interrupted registrations): ${done.reserved} reserved, ${done.disabled} disabled`);
    }
    return done;
  }
}
