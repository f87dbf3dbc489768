import { MEMBER_STATUSES, MemberStatus } from './member.events';
import { MemberRosterState, ON_ROLL } from './member-roster.decider';

/** What every view outside the unit sees of a roster: counts, never names. */
export function rosterCounts(s: MemberRosterState): Record<MemberStatus, number> & { onRoll: number } {
  const counts = Object.fromEntries(MEMBER_STATUSES.map((st) => [st, 0])) as Record<MemberStatus, number>;
  for (const m of Object.values(s.members)) counts[m.status] += 1;
  return { ...counts, onRoll: ON_ROLL.reduce((n, st) => n + counts[st], 0) };
}

export interface RosterParticipation {
  readonly attended: number;
  readonly excused: number;
  /** Members on the roll who were not excused: the ones the step expected. */
  readonly expected: number;
  readonly rate: number | null;
  readonly source: 'roster';
}

/**
 * The participation rate of a step from the roster: members who took part over members expected,
 * where an excused member (with a reason) is not expected. Null when nothing was recorded.
 */
export function rosterParticipation(s: MemberRosterState, campaignId: string, stepId: string): RosterParticipation | null {
  const record = s.participation[`${campaignId}/${stepId}`];
  if (!record) return null;
  const expected = record.onRoll - record.excused.length;
  return { attended: record.attended.length, excused: record.excused.length, expected, rate: expected > 0 ? record.attended.length / expected : null, source: 'roster' };
}
