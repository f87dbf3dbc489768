import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { userDecider, userStreamId } from '@platform/domain';
import { GrantRoleCommand } from './grant-role.command';

@CommandHandler(GrantRoleCommand)
export class GrantRoleHandler implements ICommandHandler<GrantRoleCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute({ meta, userId, request: r }: GrantRoleCommand): Promise<CommandResult> {
    return this.runner.run(
      userStreamId(userId),
      userDecider,
      meta,
      { ...this.runner.context(meta), type: 'GrantRole', role: r.role },
      { command: 'GrantRole', userId, ...r },
    );
  }
}
