import { Injectable } from '@nestjs/common';
import { UnitLookup } from '@platform/common';
import { CampaignFactsLoader } from './campaign-facts';

/** A campaign concerns the units enrolled in it; an unlaunched campaign is no resource. */
@Injectable()
export class CampaignUnits implements UnitLookup {
  constructor(private readonly campaigns: CampaignFactsLoader) {}

  async units(campaignId: string): Promise<string[] | null> {
    const { state } = await this.campaigns.state(campaignId);
    return state.launched ? Object.keys(state.enrolled) : null;
  }
}
