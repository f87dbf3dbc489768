import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { organizationDecider, orgStreamId } from '@platform/domain';
import { ChangeMemberCountCommand } from './change-member-count.command';

@CommandHandler(ChangeMemberCountCommand)
export class ChangeMemberCountHandler implements ICommandHandler<ChangeMemberCountCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, unitId, request: r }: ChangeMemberCountCommand): Promise<CommandResult> {
    return this.runner.run(
      orgStreamId(unitId),
      organizationDecider,
      meta,
      { ...this.runner.context(meta), type: 'ChangeMemberCount', memberCount: r.memberCount },
      { command: 'ChangeMemberCount', unitId, ...r },
    );
  }
}
