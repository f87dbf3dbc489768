import { Injectable } from '@nestjs/common';
import { commandEdges, StreamCommandRunner, UseCaseExecutor } from '@platform/common';
import { OrganizationDirectory, TreeFacts } from '@platform/organizations';
import { CampaignFactsLoader, CampaignStates } from './campaign-facts';

export type CampaignPorts = TreeFacts & CampaignStates;

/** The campaign context's use cases, run with the tree and the campaigns as stored now. */
@Injectable()
export class CampaignCommands extends UseCaseExecutor<CampaignPorts> {
  constructor(runner: StreamCommandRunner, directory: OrganizationDirectory, campaigns: CampaignFactsLoader) {
    super(runner, { tree: () => directory.current(), campaign: async (id) => (await campaigns.state(id)).state });
  }
}

/** Its command routes, by OpenAPI tag: each use case's edge names its route and contract (see commandEdge). */
export const campaignUnitsEdge = commandEdges(CampaignCommands, 'campaign units 参学组织');
export const campaignsEdge = commandEdges(CampaignCommands, 'campaigns 活动');
