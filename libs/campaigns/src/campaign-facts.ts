import { Injectable } from '@nestjs/common';
import { CampaignEvent, CampaignFacts, campaignDecider, CampaignState, campaignStreamId } from '@platform/domain';
import { FoldedStream, StreamCommandRunner, StreamStates } from '@platform/common';

/** A campaign's state as use cases read it: the facts loader on the HTTP path, the generator's streams in the demo. */
export interface CampaignStates {
  campaign(campaignId: string): Promise<CampaignState>;
}

/** What a unit's progress commands need to know of its campaign. */
export async function unitCampaignFacts(ports: CampaignStates, campaignId: string, unitId: string): Promise<CampaignFacts> {
  const state = await ports.campaign(campaignId);
  return { campaignId, launched: state.launched, enrolled: state.enrolled[unitId] === true, template: state.template };
}

/**
 * A campaign's state for the commands of its enrolled units (template, enrollment). A city's
 * campaign enrolls thousands of units, so the folded state is kept and only events after its
 * revision are read and applied: every command still sees the campaign as stored now.
 */
@Injectable()
export class CampaignFactsLoader {
  private readonly states: StreamStates<CampaignState, CampaignEvent>;

  constructor(runner: StreamCommandRunner) {
    this.states = runner.streams.of(campaignDecider);
  }

  state(campaignId: string): Promise<FoldedStream<CampaignState>> {
    return this.states.get(campaignStreamId(campaignId));
  }

  async forUnit(campaignId: string, unitId: string): Promise<CampaignFacts> {
    return unitCampaignFacts({ campaign: async (id) => (await this.state(id)).state }, campaignId, unitId);
  }
}
