import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { organizationDecider, orgStreamId } from '@platform/domain';
import { OrganizationDirectory } from '../../organization-directory';
import { MoveUnitCommand } from './move-unit.command';

@CommandHandler(MoveUnitCommand)
export class MoveUnitHandler implements ICommandHandler<MoveUnitCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly directory: OrganizationDirectory) {}

  async execute({ meta, unitId, request: r }: MoveUnitCommand): Promise<CommandResult> {
    const tree = await this.directory.current();
    return this.runner.run(
      orgStreamId(unitId),
      organizationDecider,
      meta,
      { ...this.runner.context(meta), type: 'MoveUnit', parentId: r.parentId, parent: tree.parentFacts(r.parentId) },
      { command: 'MoveUnit', unitId, ...r },
    );
  }
}
