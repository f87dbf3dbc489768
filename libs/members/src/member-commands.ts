import { Injectable } from '@nestjs/common';
import { CampaignFactsLoader, CampaignStates } from '@platform/campaigns';
import { commandEdges, StreamCommandRunner, UseCaseExecutor } from '@platform/common';

/** What the roster's use cases read of other contexts: a campaign's template and enrollment, for participation by step. */
export type MemberPorts = CampaignStates;

/** The member roster context's use cases, run with the campaigns as stored now. */
@Injectable()
export class MemberCommands extends UseCaseExecutor<MemberPorts> {
  constructor(runner: StreamCommandRunner, campaigns: CampaignFactsLoader) {
    super(runner, { campaign: async (id) => (await campaigns.state(id)).state });
  }
}

/** Its command routes, by OpenAPI tag: each use case's edge names its route and contract (see commandEdge). */
export const memberRosterEdge = commandEdges(MemberCommands, 'member roster 党员名册');
