import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { badRequest, CommandResult, StreamCommandRunner } from '@platform/common';
import {
  campaignDecider,
  campaignStreamId,
  DEFAULT_SATISFACTION_THRESHOLD,
  DEFAULT_WARNING_THRESHOLDS,
  findTemplate,
  OrganizationTree,
  UnitFacts,
} from '@platform/domain';
import { OrganizationDirectory } from '@platform/organizations';
import { CampaignFactsLoader } from '../../campaign-facts';
import { LaunchCampaignCommand } from './launch-campaign.command';

@CommandHandler(LaunchCampaignCommand)
export class LaunchCampaignHandler implements ICommandHandler<LaunchCampaignCommand, CommandResult> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly directory: OrganizationDirectory,
    private readonly campaigns: CampaignFactsLoader,
  ) {}

  async execute({ meta, request: r }: LaunchCampaignCommand): Promise<CommandResult> {
    if (r.unitIds && r.subtreeRootId) {
      throw badRequest([{ field: 'subtreeRootId', rule: 'exclusive', message: 'unitIds 与 subtreeRootId 只能提供其一' }]);
    }
    const tree = await this.directory.current();
    const parent = r.parentCampaignId ? (await this.campaigns.state(r.parentCampaignId)).state : null;
    return this.runner.run(
      campaignStreamId(r.campaignId),
      campaignDecider,
      meta,
      {
        type: 'LaunchCampaign',
        ...this.runner.context(meta),
        campaignId: r.campaignId,
        name: r.name,
        templateKey: r.templateKey,
        template: findTemplate(r.templateKey),
        batch: r.batch,
        parentCampaignId: r.parentCampaignId ?? null,
        parent: parent && r.parentCampaignId
          ? { campaignId: r.parentCampaignId, launched: parent.launched, templateKind: parent.template?.kind ?? null }
          : null,
        scope: r.subtreeRootId ? { subtreeRootId: r.subtreeRootId } : { unitIds: r.unitIds ?? [] },
        units: r.subtreeRootId ? subtreeFacts(tree, r.subtreeRootId) : (r.unitIds ?? []).map((id) => tree.unitFacts(id)),
        plannedPhases: r.plannedPhases,
        warningThresholds: r.warningThresholds ?? DEFAULT_WARNING_THRESHOLDS,
        satisfactionThreshold: r.satisfactionThreshold ?? DEFAULT_SATISFACTION_THRESHOLD,
      },
      { command: 'LaunchCampaign', ...r },
    );
  }
}

function subtreeFacts(tree: OrganizationTree, rootId: string): UnitFacts[] {
  const ids = tree.subtreeIds(rootId);
  return ids.length > 0 ? ids.map((id) => tree.unitFacts(id)) : [tree.unitFacts(rootId)];
}
