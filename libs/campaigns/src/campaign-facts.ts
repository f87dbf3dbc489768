import { Inject, Injectable } from '@nestjs/common';
import { CampaignEvent, CampaignFacts, campaignDecider, CampaignState, campaignStreamId } from '@platform/domain';
import { EVENT_STORE, EventStore, NO_REVISION } from '@platform/event-store';

/** A campaign's state as use cases read it: the facts loader on the HTTP path, the generator's streams in the demo. */
export interface CampaignStates {
  campaign(campaignId: string): Promise<CampaignState>;
}

/** What a unit's progress commands need to know of its campaign. */
export async function unitCampaignFacts(ports: CampaignStates, campaignId: string, unitId: string): Promise<CampaignFacts> {
  const state = await ports.campaign(campaignId);
  return { campaignId, launched: state.launched, enrolled: state.enrolled[unitId] === true, template: state.template };
}

interface Folded {
  readonly state: CampaignState;
  readonly revision: number;
}

/**
 * A campaign's state for the commands of its enrolled units (template, enrollment). A city's
 * campaign enrolls thousands of units, so the folded state is kept and only events after its
 * revision are read and applied: every command still sees the campaign as stored now.
 */
@Injectable()
export class CampaignFactsLoader {
  private readonly folded = new Map<string, Folded>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async state(campaignId: string): Promise<Folded> {
    const known = this.folded.get(campaignId) ?? { state: campaignDecider.initialState(), revision: NO_REVISION };
    const newer = await this.store.readStream(campaignStreamId(campaignId), { fromRevision: known.revision + 1 });
    if (newer.length === 0) return known;
    // Concurrent callers may fold the same events; the result is the same, and only a newer one is kept.
    const next: Folded = {
      state: newer.reduce((s, e) => campaignDecider.evolve(s, e as unknown as CampaignEvent), known.state),
      revision: newer[newer.length - 1].streamRevision,
    };
    if ((this.folded.get(campaignId)?.revision ?? NO_REVISION) < next.revision) this.folded.set(campaignId, next);
    return next;
  }

  async forUnit(campaignId: string, unitId: string): Promise<CampaignFacts> {
    return unitCampaignFacts({ campaign: async (id) => (await this.state(id)).state }, campaignId, unitId);
  }
}
