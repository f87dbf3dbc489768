import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { userDecider, userStreamId } from '@platform/domain';
import { AuthService } from '../../auth.service';
import { ResetPasswordCommand } from './reset-password.command';

@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly auth: AuthService) {}

  async execute({ meta, userId, request: r, http }: ResetPasswordCommand): Promise<CommandResult> {
    // The hash is stored only once the decider accepted (the user exists); the event never holds it.
    const { state } = await this.runner.load(userStreamId(userId), userDecider);
    userDecider.decide({ ...this.runner.context(meta), type: 'SetPassword' }, state);
    await this.auth.storePassword(userId, r.password);
    const result = await this.runner.run(
      userStreamId(userId),
      userDecider,
      meta,
      { ...this.runner.context(meta), type: 'SetPassword' },
      { command: 'ResetPassword', userId },
    );
    if (!result.replayed) this.auth.revokeAll(userId, 'password_reset', http);
    return result;
  }
}
