import { Injectable } from '@nestjs/common';
import { CampaignFactsLoader } from '@platform/campaigns';
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
import { OrganizationDirectory } from '@platform/organizations';

/**
 * What the rectification deciders need to know from other contexts, read from their events:
 * campaigns (template kind, parent, enrollment, thresholds) and the organization tree.
 */
@Injectable()
export class RectificationFactsLoader {
  constructor(
    private readonly campaigns: CampaignFactsLoader,
    private readonly directory: OrganizationDirectory,
  ) {}

  async campaign(campaignId: string): Promise<ProblemCampaignFacts> {
    return campaignFacts(campaignId, (await this.campaigns.state(campaignId)).state);
  }

  async registration(campaignId: string, unitId: string): Promise<{ campaign: ProblemCampaignFacts; responsibleUnit: ProblemUnitFacts }> {
    const { state } = await this.campaigns.state(campaignId);
    const unit = (await this.directory.current()).unitFacts(unitId);
    return { campaign: campaignFacts(campaignId, state), responsibleUnit: { ...unit, enrolled: state.enrolled[unitId] === true } };
  }

  async units(unitIds: readonly string[]): Promise<UnitFacts[]> {
    const tree = await this.directory.current();
    return unitIds.map((id) => tree.unitFacts(id));
  }

  async coordinator(unitId: string, responsibleUnitId: string): Promise<CoordinatorFacts> {
    const tree = await this.directory.current();
    return { ...tree.unitFacts(unitId), isAncestorOfResponsibleUnit: tree.ancestorIds(responsibleUnitId).includes(unitId) };
  }

  /** The thresholds the campaign was launched with; the defaults for a campaign that cannot be found. */
  async warningThresholds(campaignId: string): Promise<WarningThresholds> {
    return (await this.campaigns.state(campaignId)).state.warningThresholds ?? DEFAULT_WARNING_THRESHOLDS;
  }

  async satisfaction(campaignId: string, unitId: string): Promise<SatisfactionCampaignFacts> {
    const { state } = await this.campaigns.state(campaignId);
    return {
      campaignId,
      launched: state.launched,
      enrolled: state.enrolled[unitId] === true,
      satisfactionThreshold: state.satisfactionThreshold ?? DEFAULT_SATISFACTION_THRESHOLD,
    };
  }
}

function campaignFacts(campaignId: string, s: CampaignState): ProblemCampaignFacts {
  return { campaignId, launched: s.launched, kind: s.template?.kind ?? null, parentCampaignId: s.parentCampaignId };
}
