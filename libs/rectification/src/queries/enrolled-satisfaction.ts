import { StreamCommandRunner, unitNotEnrolled } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import { rectificationFacts, RectificationFactsLoader } from '../rectification-facts';

/** A unit's satisfaction evaluation in a campaign, with the campaign's threshold; 404 where the unit takes no part in it. */
export async function enrolledSatisfaction(facts: RectificationFactsLoader, runner: StreamCommandRunner, campaignId: string, unitId: string) {
  const campaign = await rectificationFacts.satisfaction(facts, campaignId, unitId);
  if (!campaign.launched || !campaign.enrolled) throw unitNotEnrolled();
  const { state, revision } = await runner.load(satisfactionStreamId(campaignId, unitId), satisfactionDecider);
  return { threshold: campaign.satisfactionThreshold, state, revision };
}
