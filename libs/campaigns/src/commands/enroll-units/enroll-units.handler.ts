import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { campaignDecider, campaignStreamId } from '@platform/domain';
import { OrganizationDirectory } from '@platform/organizations';
import { EnrollUnitsCommand } from './enroll-units.command';

@CommandHandler(EnrollUnitsCommand)
export class EnrollUnitsHandler implements ICommandHandler<EnrollUnitsCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly directory: OrganizationDirectory) {}

  async execute({ meta, campaignId, request: r }: EnrollUnitsCommand): Promise<CommandResult> {
    const tree = await this.directory.current();
    return this.runner.run(
      campaignStreamId(campaignId),
      campaignDecider,
      meta,
      { type: 'EnrollUnits', ...this.runner.context(meta), units: r.unitIds.map((id) => tree.unitFacts(id)) },
      { command: 'EnrollUnits', campaignId, ...r },
    );
  }
}
