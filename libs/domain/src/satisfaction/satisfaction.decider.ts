import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { CommandContext, hasRole } from '../shared/actor';
import { UNIT_ID_PATTERN } from '../organizations/organization-types';
import { SatisfactionEvent } from './satisfaction.events';
import { addCounts, emptyCounts, GradeCounts, SATISFACTION_GRADES, SatisfactionGrade, satisfactionRate, totalBallots } from './satisfaction-grades';

/** What the handler knows of the campaign and the unit when it sends the command. */
export interface SatisfactionCampaignFacts {
  readonly campaignId: string;
  readonly launched: boolean;
  readonly enrolled: boolean;
  readonly satisfactionThreshold: number;
}

type Base = CommandContext & { campaign: SatisfactionCampaignFacts; unitId: string };

export type SatisfactionCommand = Base &
  (
    | { type: 'OpenSatisfactionRound'; round: number }
    | { type: 'RecordBallotTally'; round: number; tallyId: string; meeting: string; counts: GradeCounts }
    | { type: 'CastBallot'; round: number; ballotId: string; grade: SatisfactionGrade }
    | { type: 'CloseSatisfactionRound'; round: number }
  );

/** 补课 (make_up): measured below the threshold, until a later round passes. */
export type SatisfactionStanding = 'not_measured' | 'passed' | 'make_up';

export const SATISFACTION_STANDING_NAMES: Record<SatisfactionStanding, string> = {
  not_measured: '未测评',
  passed: '已达标',
  make_up: '未达标，须补课',
};

export interface SatisfactionRound {
  readonly round: number;
  readonly open: boolean;
  readonly counts: GradeCounts;
  readonly tallyIds: Readonly<Record<string, true>>;
  readonly ballotIds: Readonly<Record<string, true>>;
  readonly result: { readonly rate: number; readonly threshold: number; readonly passed: boolean } | null;
}

export interface SatisfactionState {
  readonly rounds: readonly SatisfactionRound[];
  readonly standing: SatisfactionStanding;
}

const initialState = (): SatisfactionState => ({ rounds: [], standing: 'not_measured' });

export function openRoundOf(s: SatisfactionState): SatisfactionRound | null {
  const last = s.rounds[s.rounds.length - 1];
  return last?.open ? last : null;
}

function requireEnrolled(c: Base): void {
  if (!c.campaign.launched) refuse('campaign_not_found', `活动 ${c.campaign.campaignId} 不存在 (campaign not found)`);
  if (!c.campaign.enrolled) refuse('unit_not_enrolled', `组织 ${c.unitId} 未参加本活动 (unit not enrolled)`);
}

/** The unit organizes its own evaluation under supervision; the result is computed, not judged. */
function requireOrganizer(c: Base): void {
  if (hasRole(c.actor, 'office', 'inspector')) return;
  if (!hasRole(c.actor, 'operator')) refuse('role_not_allowed', '只有本单位联络员、督导组或活动办公室可以组织测评 (organizer role)');
  if (c.actor.unitId !== c.unitId) refuse('not_own_unit', '只能组织本单位的满意度测评 (not own unit)', { unitId: c.unitId });
}

function requireOpenRound(s: SatisfactionState, round: number): SatisfactionRound {
  const open = openRoundOf(s);
  if (!open || open.round !== round) {
    refuse('round_not_open', `第 ${round} 轮测评未开始或已结束 (round not open)`, { round, openRound: open?.round ?? null });
  }
  return open;
}

function checkCounts(counts: GradeCounts): GradeCounts {
  const clean = Object.fromEntries(SATISFACTION_GRADES.map((g) => [g, counts[g]])) as Record<SatisfactionGrade, number>;
  if (Object.values(clean).some((n) => !Number.isInteger(n) || n < 0)) refuse('counts_invalid', '票数必须是非负整数 (counts ≥ 0)');
  if (totalBallots(clean) === 0) refuse('counts_empty', '测评票数为 0 (counts must not all be 0)');
  return clean;
}

function decide(c: SatisfactionCommand, s: SatisfactionState): SatisfactionEvent[] {
  requireEnrolled(c);
  const ids = { campaignId: c.campaign.campaignId, unitId: c.unitId, round: c.round };
  switch (c.type) {
    case 'OpenSatisfactionRound': {
      requireOrganizer(c);
      const open = openRoundOf(s);
      if (open) refuse('round_open', `第 ${open.round} 轮测评尚未结束 (a round is open)`, { openRound: open.round });
      if (s.standing === 'passed') refuse('already_passed', '该单位满意度测评已达标 (already passed)');
      const next = s.rounds.length + 1;
      if (c.round !== next) refuse('round_number_invalid', `下一轮应为第 ${next} 轮 (next round is ${next})`, { expected: next });
      return [{ type: 'SatisfactionRoundOpened', data: { ...ids, openedBy: c.actor.userId } }];
    }
    case 'RecordBallotTally': {
      requireOrganizer(c);
      const round = requireOpenRound(s, c.round);
      if (!UNIT_ID_PATTERN.test(c.tallyId)) refuse('tally_id_required', '请提供计票单编号 (tallyId)');
      // A re-sent tally would count the same meeting twice.
      if (round.tallyIds[c.tallyId]) refuse('tally_duplicate', `计票单 ${c.tallyId} 已录入 (tally already recorded)`);
      const meeting = c.meeting.trim();
      if (!meeting) refuse('meeting_required', '请填写测评会议 (meeting is required)');
      const counts = checkCounts(c.counts);
      return [{ type: 'BallotTallyRecorded', data: { ...ids, tallyId: c.tallyId, meeting, counts, recordedBy: c.actor.userId } }];
    }
    case 'CastBallot': {
      // The masses vote themselves; organizers may enter paper ballots one by one.
      if (!hasRole(c.actor, 'public')) requireOrganizer(c);
      const round = requireOpenRound(s, c.round);
      if (!UNIT_ID_PATTERN.test(c.ballotId)) refuse('ballot_id_required', '请提供选票编号 (ballotId)');
      if (round.ballotIds[c.ballotId]) refuse('ballot_duplicate', `选票 ${c.ballotId} 已计入 (ballot already counted)`);
      if (!SATISFACTION_GRADES.includes(c.grade)) refuse('grade_invalid', `测评等次无效: ${String(c.grade)} (grade)`, { allowed: SATISFACTION_GRADES });
      return [{ type: 'BallotCast', data: { ...ids, ballotId: c.ballotId, grade: c.grade } }];
    }
    case 'CloseSatisfactionRound': {
      requireOrganizer(c);
      const round = requireOpenRound(s, c.round);
      const threshold = c.campaign.satisfactionThreshold;
      if (!(threshold > 0 && threshold <= 1)) refuse('satisfaction_threshold_invalid', '满意率门槛须在 0 到 1 之间 (0 < threshold ≤ 1)');
      const rate = satisfactionRate(round.counts);
      if (rate === null) refuse('no_ballots', '本轮没有测评票，不能结束 (no ballots in this round)');
      return [
        {
          type: 'SatisfactionRoundClosed',
          data: { ...ids, counts: round.counts, total: totalBallots(round.counts), rate, threshold, passed: rate >= threshold, closedBy: c.actor.userId },
        },
      ];
    }
    default:
      return assertNever(c);
  }
}

function withRound(s: SatisfactionState, round: number, change: (r: SatisfactionRound) => SatisfactionRound): SatisfactionState {
  return { ...s, rounds: s.rounds.map((r) => (r.round === round ? change(r) : r)) };
}

function evolve(s: SatisfactionState, e: SatisfactionEvent): SatisfactionState {
  switch (e.type) {
    case 'SatisfactionRoundOpened':
      return {
        ...s,
        rounds: [...s.rounds, { round: e.data.round, open: true, counts: emptyCounts(), tallyIds: {}, ballotIds: {}, result: null }],
      };
    case 'BallotTallyRecorded':
      return withRound(s, e.data.round, (r) => ({
        ...r,
        counts: addCounts(r.counts, e.data.counts),
        tallyIds: { ...r.tallyIds, [e.data.tallyId]: true },
      }));
    case 'BallotCast':
      return withRound(s, e.data.round, (r) => ({
        ...r,
        counts: { ...r.counts, [e.data.grade]: r.counts[e.data.grade] + 1 },
        ballotIds: { ...r.ballotIds, [e.data.ballotId]: true },
      }));
    case 'SatisfactionRoundClosed': {
      const { rate, threshold, passed } = e.data;
      const next = withRound(s, e.data.round, (r) => ({ ...r, open: false, result: { rate, threshold, passed } }));
      return { ...next, standing: passed ? 'passed' : 'make_up' };
    }
    default:
      return assertNever(e);
  }
}

export const satisfactionDecider: Decider<SatisfactionCommand, SatisfactionState, SatisfactionEvent> = {
  decide,
  evolve,
  initialState,
};
