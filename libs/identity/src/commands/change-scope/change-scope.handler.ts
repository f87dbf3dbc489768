import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { userDecider, userStreamId } from '@platform/domain';
import { ChangeScopeCommand } from './change-scope.command';

@CommandHandler(ChangeScopeCommand)
export class ChangeScopeHandler implements ICommandHandler<ChangeScopeCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute({ meta, userId, request: r }: ChangeScopeCommand): Promise<CommandResult> {
    return this.runner.run(
      userStreamId(userId),
      userDecider,
      meta,
      { ...this.runner.context(meta), type: 'ChangeScope', scopeUnitIds: r.scopeUnitIds, contactPointUnitIds: r.contactPointUnitIds ?? [] },
      { command: 'ChangeScope', userId, ...r },
    );
  }
}
