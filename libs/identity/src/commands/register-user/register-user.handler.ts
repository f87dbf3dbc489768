import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { fold, refuse, userDecider, usernameStreamId, userStreamId } from '@platform/domain';
import { AuthService } from '../../auth.service';
import { UserDirectory } from '../../user-directory';
import { RegisterUserCommand } from './register-user.command';

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand, CommandResult> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly users: UserDirectory,
    private readonly auth: AuthService,
  ) {}

  async execute({ meta, request: r }: RegisterUserCommand): Promise<CommandResult> {
    const { password, ...withoutSecret } = r;
    const ctx = this.runner.context(meta);
    // The idempotency fingerprint is stored: it must never be derived from the password.
    return this.runner.runMany(
      meta,
      { command: 'RegisterUser', ...withoutSecret },
      async () => {
        if (await this.users.byUsername(r.username)) refuse('username_taken', `登录名 ${r.username} 已被使用 (username taken)`);
        const { state } = await this.runner.load(userStreamId(r.userId), userDecider);
        const registered = userDecider.decide(
          { ...ctx, type: 'RegisterUser', ...withoutSecret, contactPointUnitIds: r.contactPointUnitIds ?? [] },
          state,
        );
        const passwordSet = userDecider.decide({ ...ctx, type: 'SetPassword' }, fold(userDecider, registered));
        await this.auth.storePassword(r.userId, password);
        return [
          { streamId: userStreamId(r.userId), events: [...registered, ...passwordSet], expected: 'no_stream' },
          {
            streamId: usernameStreamId(r.username),
            events: [{ type: 'UsernameReserved', data: { username: r.username, userId: r.userId } }],
            expected: 'no_stream',
          },
        ];
      },
      ctx.at,
    );
  }
}
