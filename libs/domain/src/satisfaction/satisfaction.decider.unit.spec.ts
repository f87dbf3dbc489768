import { Actor } from '../shared/actor';
import { specify } from '../testing/decider-specification';
import { SatisfactionCampaignFacts, satisfactionDecider, SatisfactionCommand } from './satisfaction.decider';
import { SatisfactionEvent } from './satisfaction.events';
import { GradeCounts, SatisfactionGrade } from './satisfaction-grades';

const spec = specify(satisfactionDecider);
const UNIT = 'branch-1';
const facts: SatisfactionCampaignFacts = { campaignId: 'adv-2025', launched: true, enrolled: true, satisfactionThreshold: 0.8 };
const operator: Actor = { userId: 'op-1', role: 'operator', unitId: UNIT };
const inspector: Actor = { userId: 'insp-1', role: 'inspector', unitId: 'group-3' };
const voter: Actor = { userId: 'anonymous', role: 'public', unitId: null };
const ids = (round: number) => ({ campaignId: 'adv-2025', unitId: UNIT, round });
const counts = (satisfied: number, dissatisfied: number, fairly = 0, basically = 0): GradeCounts => ({
  satisfied,
  fairly_satisfied: fairly,
  basically_satisfied: basically,
  dissatisfied,
});

type Fields = Record<string, unknown> & { type: SatisfactionCommand['type'] };
const command = (fields: Fields, actor: Actor = operator, campaign = facts): SatisfactionCommand =>
  ({ actor, at: '2025-12-01T02:00:00.000Z', campaign, unitId: UNIT, ...fields }) as SatisfactionCommand;
const open = (round = 1, actor: Actor = operator) => command({ type: 'OpenSatisfactionRound', round }, actor);
const tally = (c: GradeCounts, tallyId = 't-1', round = 1, meeting = ' 党员群众代表测评会 ') =>
  command({ type: 'RecordBallotTally', round, tallyId, meeting, counts: c });
const cast = (grade: SatisfactionGrade, ballotId = 'b-1', round = 1, actor: Actor = voter) => command({ type: 'CastBallot', round, ballotId, grade }, actor);
const close = (round = 1, campaign = facts) => command({ type: 'CloseSatisfactionRound', round }, inspector, campaign);

const opened = (round = 1): SatisfactionEvent => ({ type: 'SatisfactionRoundOpened', data: { ...ids(round), openedBy: 'op-1' } });
const tallied = (c: GradeCounts, tallyId = 't-1', round = 1): SatisfactionEvent => ({
  type: 'BallotTallyRecorded',
  data: { ...ids(round), tallyId, meeting: '党员群众代表测评会', counts: c, recordedBy: 'op-1' },
});
const ballot = (grade: SatisfactionGrade, ballotId = 'b-1', round = 1): SatisfactionEvent => ({ type: 'BallotCast', data: { ...ids(round), ballotId, grade } });
const closed = (round: number, c: GradeCounts, total: number, rate: number, passed: boolean): SatisfactionEvent => ({
  type: 'SatisfactionRoundClosed',
  data: { ...ids(round), counts: c, total, rate, threshold: 0.8, passed, closedBy: 'insp-1' },
});
const failedRound = [opened(1), tallied(counts(70, 30)), closed(1, counts(70, 30), 100, 0.7, false)];

describe('satisfaction evaluation (满意度测评)', () => {
  describe('OpenSatisfactionRound', () => {
    it('opens the first round', () => spec.given([]).when(open()).then([opened()]));

    it('opens a make-up round after a failed one', () => {
      expect(spec.given(failedRound).state.standing).toBe('make_up');
      spec.given(failedRound).when(open(2)).then([opened(2)]);
    });

    it.each([
      ['round_number_invalid', [], open(2)],
      ['round_number_invalid', failedRound, open(1)],
      ['round_open', [opened()], open(2)],
      ['already_passed', [opened(), tallied(counts(9, 1)), closed(1, counts(9, 1), 10, 0.9, true)], open(2)],
      ['role_not_allowed', [], open(1, { userId: 'l', role: 'leader', unitId: UNIT })],
      ['not_own_unit', [], open(1, { userId: 'o', role: 'operator', unitId: 'branch-2' })],
      ['campaign_not_found', [], command({ type: 'OpenSatisfactionRound', round: 1 }, operator, { ...facts, launched: false })],
      ['unit_not_enrolled', [], command({ type: 'OpenSatisfactionRound', round: 1 }, operator, { ...facts, enrolled: false })],
    ] as const)('refuses with %s', (code, given, cmd) => spec.given(given).when(cmd).thenRefused(code));
  });

  describe('RecordBallotTally (a meeting’s counts)', () => {
    it('adds a meeting’s counts to the round', () => {
      spec.given([opened()]).when(tally(counts(60, 5, 20, 15))).then([tallied(counts(60, 5, 20, 15))]);
      const s = spec.given([opened(), tallied(counts(60, 5, 20, 15)), tallied(counts(1, 1), 't-2')]).state;
      expect(s.rounds[0].counts).toEqual(counts(61, 6, 20, 15));
    });

    it.each([
      ['round_not_open', [], tally(counts(1, 0))],
      ['round_not_open', [opened()], tally(counts(1, 0), 't-1', 2)],
      ['tally_duplicate', [opened(), tallied(counts(1, 0))], tally(counts(1, 0))],
      ['tally_id_required', [opened()], tally(counts(1, 0), '')],
      ['meeting_required', [opened()], tally(counts(1, 0), 't-1', 1, ' ')],
      ['counts_invalid', [opened()], tally(counts(-1, 3))],
      ['counts_invalid', [opened()], tally(counts(1.5, 3))],
      ['counts_empty', [opened()], tally(counts(0, 0))],
    ] as const)('refuses with %s', (code, given, cmd) => spec.given(given).when(cmd).thenRefused(code));
  });

  describe('CastBallot (one anonymous ballot)', () => {
    it('counts a ballot from the masses, without the voter', () => {
      spec.given([opened()]).when(cast('fairly_satisfied')).then([ballot('fairly_satisfied')]);
      expect(spec.given([opened(), ballot('dissatisfied')]).state.rounds[0].counts).toEqual(counts(0, 1));
    });

    it('lets the organizer enter paper ballots one by one', () => {
      spec.given([opened()]).when(cast('satisfied', 'paper-7', 1, operator)).then([ballot('satisfied', 'paper-7')]);
    });

    it.each([
      ['ballot_duplicate', [opened(), ballot('satisfied')], cast('dissatisfied')],
      ['ballot_id_required', [opened()], cast('satisfied', ' ')],
      ['grade_invalid', [opened()], cast('thrilled' as SatisfactionGrade)],
      ['round_not_open', failedRound, cast('satisfied')],
      ['role_not_allowed', [opened()], cast('satisfied', 'b-1', 1, { userId: 'l', role: 'leader', unitId: null })],
    ] as const)('refuses with %s', (code, given, cmd) => spec.given(given).when(cmd).thenRefused(code));
  });

  describe('CloseSatisfactionRound', () => {
    it('passes a unit at or above the campaign’s threshold, not one below', () => {
      const given = [opened(), tallied(counts(7, 2, 1)), ballot('dissatisfied', 'b-1'), ballot('basically_satisfied', 'b-2')];
      spec.given(given).when(close()).then([closed(1, counts(7, 3, 1, 1), 12, 0.75, false)]);
      const atThreshold = [opened(), tallied(counts(4, 1))];
      spec.given(atThreshold).when(close()).then([closed(1, counts(4, 1), 5, 0.8, true)]);
      expect(spec.given([...atThreshold, closed(1, counts(4, 1), 5, 0.8, true)]).state.standing).toBe('passed');
    });

    it('puts a unit below the threshold into make-up until a later round passes', () => {
      const second = [...failedRound, opened(2), tallied(counts(90, 10), 't-9', 2)];
      expect(spec.given(second).state.standing).toBe('make_up');
      spec.given(second).when(close(2)).then([closed(2, counts(90, 10), 100, 0.9, true)]);
      expect(spec.given([...second, closed(2, counts(90, 10), 100, 0.9, true)]).state.standing).toBe('passed');
    });

    it('decides with the threshold the command carries', () => {
      const given = [opened(), tallied(counts(7, 3))];
      const events = spec.given(given).when(close(1, { ...facts, satisfactionThreshold: 0.7 })).events();
      expect(events[0].data).toMatchObject({ rate: 0.7, threshold: 0.7, passed: true });
    });

    it.each([
      ['no_ballots', [opened()], close()],
      ['round_not_open', failedRound, close()],
      ['satisfaction_threshold_invalid', [opened(), tallied(counts(1, 0))], close(1, { ...facts, satisfactionThreshold: 1.5 })],
      ['role_not_allowed', [opened(), tallied(counts(1, 0))], command({ type: 'CloseSatisfactionRound', round: 1 }, voter)],
    ] as const)('refuses with %s', (code, given, cmd) => spec.given(given).when(cmd).thenRefused(code));
  });
});
