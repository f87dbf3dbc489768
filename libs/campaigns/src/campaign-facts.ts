import { Injectable } from '@nestjs/common';
import { StreamCommandRunner } from '@platform/common';
import { CampaignFacts, campaignDecider, CampaignState, campaignStreamId } from '@platform/domain';

/** Loads a campaign's state for the commands of its enrolled units (template, enrollment). */
@Injectable()
export class CampaignFactsLoader {
  constructor(private readonly runner: StreamCommandRunner) {}

  async state(campaignId: string): Promise<{ state: CampaignState; revision: number }> {
    return this.runner.load(campaignStreamId(campaignId), campaignDecider);
  }

  async forUnit(campaignId: string, unitId: string): Promise<CampaignFacts> {
    const { state } = await this.state(campaignId);
    return { campaignId, launched: state.launched, enrolled: state.enrolled[unitId] === true, template: state.template };
  }
}
