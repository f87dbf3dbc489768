import { Injectable } from '@nestjs/common';
import { CampaignFactsLoader, CampaignStates } from '@platform/campaigns';
import { commandEdges, StreamCommandRunner, UseCaseExecutor } from '@platform/common';
import {
  CampaignState,
  CoordinatorFacts,
  DEFAULT_SATISFACTION_THRESHOLD,
  DEFAULT_WARNING_THRESHOLDS,
  ProblemCampaignFacts,
  ProblemUnitFacts,
  SatisfactionCampaignFacts,
  UnitFacts,
  WarningThresholds,
} from '@platform/domain';
import { OrganizationDirectory, TreeFacts } from '@platform/organizations';

/** What the rectification use cases read of other contexts: the organization tree and the campaigns. */
export type RectificationPorts = TreeFacts & CampaignStates;

/**
 * What the rectification deciders need to know from other contexts, read through the ports:
 * campaigns (template kind, parent, enrollment, thresholds) and the organization tree.
 */
export const rectificationFacts = {
  async campaign(ports: CampaignStates, campaignId: string): Promise<ProblemCampaignFacts> {
    return campaignFacts(campaignId, await ports.campaign(campaignId));
  },

  async registration(ports: RectificationPorts, campaignId: string, unitId: string): Promise<{ campaign: ProblemCampaignFacts; responsibleUnit: ProblemUnitFacts }> {
    const state = await ports.campaign(campaignId);
    const unit = (await ports.tree()).unitFacts(unitId);
    return { campaign: campaignFacts(campaignId, state), responsibleUnit: { ...unit, enrolled: state.enrolled[unitId] === true } };
  },

  async units(ports: TreeFacts, unitIds: readonly string[]): Promise<UnitFacts[]> {
    const tree = await ports.tree();
    return unitIds.map((id) => tree.unitFacts(id));
  },

  async coordinator(ports: TreeFacts, unitId: string, responsibleUnitId: string): Promise<CoordinatorFacts> {
    const tree = await ports.tree();
    return { ...tree.unitFacts(unitId), isAncestorOfResponsibleUnit: tree.ancestorIds(responsibleUnitId).includes(unitId) };
  },

  /** The thresholds the campaign was launched with; the defaults for a campaign that cannot be found. */
  async warningThresholds(ports: CampaignStates, campaignId: string): Promise<WarningThresholds> {
    return (await ports.campaign(campaignId)).warningThresholds ?? DEFAULT_WARNING_THRESHOLDS;
  },

  async satisfaction(ports: CampaignStates, campaignId: string, unitId: string): Promise<SatisfactionCampaignFacts> {
    const state = await ports.campaign(campaignId);
    return {
      campaignId,
      launched: state.launched,
      enrolled: state.enrolled[unitId] === true,
      satisfactionThreshold: state.satisfactionThreshold ?? DEFAULT_SATISFACTION_THRESHOLD,
    };
  },
};

/** The ports on the HTTP path: the directory's tree and the campaigns as stored now. */
@Injectable()
export class RectificationFactsLoader implements RectificationPorts {
  constructor(
    private readonly campaigns: CampaignFactsLoader,
    private readonly directory: OrganizationDirectory,
  ) {}

  tree = () => this.directory.current();
  campaign = async (campaignId: string) => (await this.campaigns.state(campaignId)).state;
}

/** The rectification context's use cases, run with the tree and the campaigns as stored now. */
@Injectable()
export class RectificationCommands extends UseCaseExecutor<RectificationPorts> {
  constructor(runner: StreamCommandRunner, facts: RectificationFactsLoader) {
    super(runner, facts);
  }
}

function campaignFacts(campaignId: string, s: CampaignState): ProblemCampaignFacts {
  return { campaignId, launched: s.launched, kind: s.template?.kind ?? null, parentCampaignId: s.parentCampaignId };
}

/** Its command routes, by OpenAPI tag: each use case's edge names its route and contract (see commandEdge). */
export const rectificationEdge = commandEdges(RectificationCommands, 'rectification 整改台账');
export const satisfactionEdge = commandEdges(RectificationCommands, 'satisfaction 满意度测评');
