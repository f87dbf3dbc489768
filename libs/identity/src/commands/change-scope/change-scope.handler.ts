import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { userDecider, userStreamId } from '@platform/domain';
import { OrganizationDirectory } from '@platform/organizations';
import { ChangeScopeCommand } from './change-scope.command';

@CommandHandler(ChangeScopeCommand)
export class ChangeScopeHandler implements ICommandHandler<ChangeScopeCommand, CommandResult> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly directory: OrganizationDirectory,
  ) {}

  async execute({ meta, userId, request: r }: ChangeScopeCommand): Promise<CommandResult> {
    const contactPointUnitIds = r.contactPointUnitIds ?? [];
    const tree = await this.directory.current();
    const unknownUnitIds = [...new Set([...r.scopeUnitIds, ...contactPointUnitIds])].filter((id) => !tree.has(id));
    return this.runner.run(
      userStreamId(userId),
      userDecider,
      meta,
      { ...this.runner.context(meta), type: 'ChangeScope', scopeUnitIds: r.scopeUnitIds, contactPointUnitIds, unknownUnitIds },
      { command: 'ChangeScope', userId, ...r },
    );
  }
}
