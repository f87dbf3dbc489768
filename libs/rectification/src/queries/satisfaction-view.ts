import { openRoundOf, satisfactionRate, SatisfactionStanding, SatisfactionState, totalBallots } from '@platform/domain';

export const SATISFACTION_STANDING_NAMES: Record<SatisfactionStanding, string> = {
  not_measured: '未测评',
  passed: '已达标',
  make_up: '未达标，须补课',
};

/** Rounds with their running counts and rate, for the organizers and the supervisors. */
export function satisfactionView(campaignId: string, unitId: string, threshold: number, s: SatisfactionState) {
  return {
    campaignId,
    unitId,
    threshold,
    standing: s.standing,
    standingName: SATISFACTION_STANDING_NAMES[s.standing],
    openRound: openRoundOf(s)?.round ?? null,
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
    campaignId,
    unitId,
    threshold,
    standing: s.standing,
    standingName: SATISFACTION_STANDING_NAMES[s.standing],
    openRound: openRoundOf(s)?.round ?? null,
    results: s.rounds
      .filter((r) => r.result !== null)
      .map((r) => ({ round: r.round, counts: r.counts, total: totalBallots(r.counts), ...r.result! })),
  };
}
