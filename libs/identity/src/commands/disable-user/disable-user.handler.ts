import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { userDecider, userStreamId } from '@platform/domain';
import { AuthService } from '../../auth.service';
import { DisableUserCommand } from './disable-user.command';

@CommandHandler(DisableUserCommand)
export class DisableUserHandler implements ICommandHandler<DisableUserCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly auth: AuthService) {}

  async execute({ meta, userId, request: r, http }: DisableUserCommand): Promise<CommandResult> {
    const result = await this.runner.run(
      userStreamId(userId),
      userDecider,
      meta,
      { ...this.runner.context(meta), type: 'DisableUser', reason: r.reason },
      { command: 'DisableUser', userId, ...r },
    );
    if (!result.replayed) this.auth.revokeAll(userId, 'user_disabled', http);
    return result;
  }
}
