import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { organizationDecider, orgStreamId } from '@platform/domain';
import { RenameUnitCommand } from './rename-unit.command';

@CommandHandler(RenameUnitCommand)
export class RenameUnitHandler implements ICommandHandler<RenameUnitCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, unitId, request: r }: RenameUnitCommand): Promise<CommandResult> {
    return this.runner.run(
      orgStreamId(unitId),
      organizationDecider,
      meta,
      { ...this.runner.context(meta), type: 'RenameUnit', name: r.name },
      { command: 'RenameUnit', unitId, ...r },
    );
  }
}
