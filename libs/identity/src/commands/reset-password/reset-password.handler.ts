import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { UserCommand, userDecider, userStreamId, UserState } from '@platform/domain';
import { AuthService } from '../../auth.service';
import { ResetPasswordCommand } from './reset-password.command';

@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly auth: AuthService) {}

  async execute({ meta, userId, request: r, http }: ResetPasswordCommand): Promise<CommandResult> {
    const result = await this.runner.run(userStreamId(userId), userDecider, meta, async (state: UserState): Promise<UserCommand> => {
      const command: UserCommand = { ...this.runner.context(meta), type: 'SetPassword' };
      // The hash is stored only once the decider accepted (the user exists); the event never holds it.
      userDecider.decide(command, state);
      await this.auth.storePassword(userId, r.password);
      return command;
    }, { command: 'ResetPassword', userId });
    if (!result.replayed) this.auth.revokeAll(userId, 'password_reset', http);
    return result;
  }
}
