import { streamUseCase } from '@platform/common';
import {
  campaignDecider,
  campaignStreamId,
  CampaignState,
  DEFAULT_SATISFACTION_THRESHOLD,
  DEFAULT_WARNING_THRESHOLDS,
  findTemplate,
  OrganizationTree,
  UnitFacts,
} from '@platform/domain';
import { CampaignPorts } from '../../campaign-commands';
import type { LaunchCampaignRequest } from './launch-campaign.http';

export const launchCampaign = streamUseCase(campaignDecider)({
  name: 'LaunchCampaign',
  streamId: (i: LaunchCampaignRequest) => campaignStreamId(i.campaignId),
  facts: async (i, ports: CampaignPorts): Promise<{ tree: OrganizationTree; parent: CampaignState | null }> => ({
    tree: await ports.tree(),
    parent: i.parentCampaignId ? await ports.campaign(i.parentCampaignId) : null,
  }),
  toCommand: (i, { tree, parent }, context) => ({
    type: 'LaunchCampaign',
    ...context,
    campaignId: i.campaignId,
    name: i.name,
    templateKey: i.templateKey,
    template: findTemplate(i.templateKey),
    batch: i.batch,
    parentCampaignId: i.parentCampaignId ?? null,
    parent: parent && i.parentCampaignId
      ? { campaignId: i.parentCampaignId, launched: parent.launched, templateKind: parent.template?.kind ?? null }
      : null,
    scope: i.subtreeRootId ? { subtreeRootId: i.subtreeRootId } : { unitIds: i.unitIds ?? [] },
    units: i.subtreeRootId ? subtreeFacts(tree, i.subtreeRootId) : (i.unitIds ?? []).map((id) => tree.unitFacts(id)),
    plannedPhases: i.plannedPhases,
    warningThresholds: i.warningThresholds ?? DEFAULT_WARNING_THRESHOLDS,
    satisfactionThreshold: i.satisfactionThreshold ?? DEFAULT_SATISFACTION_THRESHOLD,
  }),
});

function subtreeFacts(tree: OrganizationTree, rootId: string): UnitFacts[] {
  const ids = tree.subtreeIds(rootId);
  return ids.length > 0 ? ids.map((id) => tree.unitFacts(id)) : [tree.unitFacts(rootId)];
}
