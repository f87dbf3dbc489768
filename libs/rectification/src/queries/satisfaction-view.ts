import { openRoundOf, SATISFACTION_STANDING_NAMES, satisfactionRate, SatisfactionState, totalBallots } from '@platform/domain';

/** What both views start with: the unit's standing and the round that takes ballots now. */
function standingOf(campaignId: string, unitId: string, threshold: number, s: SatisfactionState) {
  return {
    campaignId,
    unitId,
    threshold,
    standing: s.standing,
    standingName: SATISFACTION_STANDING_NAMES[s.standing],
    openRound: openRoundOf(s)?.round ?? null,
  };
}

/** Rounds with their running counts and rate, for the organizers and the supervisors. */
export function satisfactionView(campaignId: string, unitId: string, threshold: number, s: SatisfactionState) {
  return {
    ...standingOf(campaignId, unitId, threshold, s),
    rounds: s.rounds.map((r) => ({
      round: r.round,
      open: r.open,
      counts: r.counts,
      total: totalBallots(r.counts),
      rate: satisfactionRate(r.counts),
      tallyIds: Object.keys(r.tallyIds),
      ballotCount: Object.keys(r.ballotIds).length,
      result: r.result,
    })),
  };
}

/** What the masses may see: which round takes ballots now, and the verdicts of closed rounds. */
export function publicSatisfactionView(campaignId: string, unitId: string, threshold: number, s: SatisfactionState) {
  return {
    ...standingOf(campaignId, unitId, threshold, s),
    results: s.rounds
      .filter((r) => r.result !== null)
      .map((r) => ({ round: r.round, counts: r.counts, total: totalBallots(r.counts), ...r.result! })),
  };
}
