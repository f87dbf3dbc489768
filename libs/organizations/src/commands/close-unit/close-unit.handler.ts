import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { organizationDecider, orgStreamId } from '@platform/domain';
import { OrganizationDirectory } from '../../organization-directory';
import { CloseUnitCommand } from './close-unit.command';

@CommandHandler(CloseUnitCommand)
export class CloseUnitHandler implements ICommandHandler<CloseUnitCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly directory: OrganizationDirectory) {}

  async execute({ meta, unitId, request: r }: CloseUnitCommand): Promise<CommandResult> {
    const tree = await this.directory.current();
    return this.runner.run(
      orgStreamId(unitId),
      organizationDecider,
      meta,
      { ...this.runner.context(meta), type: 'CloseUnit', reason: r.reason, openChildren: tree.openChildCount(unitId) },
      { command: 'CloseUnit', unitId, ...r },
    );
  }
}
