import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { organizationDecider, orgStreamId } from '@platform/domain';
import { OrganizationDirectory } from '../../organization-directory';
import { CreateUnitCommand } from './create-unit.command';

@CommandHandler(CreateUnitCommand)
export class CreateUnitHandler implements ICommandHandler<CreateUnitCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly directory: OrganizationDirectory) {}

  async execute({ meta, request: r }: CreateUnitCommand): Promise<CommandResult> {
    const tree = await this.directory.current();
    return this.runner.run(
      orgStreamId(r.unitId),
      organizationDecider,
      meta,
      {
        type: 'CreateUnit',
        ...this.runner.context(meta),
        unitId: r.unitId,
        name: r.name,
        level: r.level,
        unitType: r.unitType,
        memberCount: r.memberCount ?? 0,
        parentId: r.parentId ?? null,
        parent: tree.parentFacts(r.parentId),
      },
      { command: 'CreateUnit', ...r },
    );
  }
}
