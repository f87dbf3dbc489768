import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { userDecider, userStreamId } from '@platform/domain';
import { EnableUserCommand } from './enable-user.command';

@CommandHandler(EnableUserCommand)
export class EnableUserHandler implements ICommandHandler<EnableUserCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute({ meta, userId }: EnableUserCommand): Promise<CommandResult> {
    return this.runner.run(
      userStreamId(userId),
      userDecider,
      meta,
      { ...this.runner.context(meta), type: 'EnableUser' },
      { command: 'EnableUser', userId },
    );
  }
}
