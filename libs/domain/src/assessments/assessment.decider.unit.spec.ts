import { Actor } from '../shared/actor';
import { specify } from '../testing/decider-specification';
import { CITY_OFFICE as office, specCommands } from '../testing/spec-commands';
import { resultsPublished } from './testing/period-events';
import { SECRETARY_SCHEME } from './testing/scheme-fixtures';
import { Marks } from './assessment-scheme';
import { AssessmentCommand, assessmentDecider } from './assessment.decider';
import { AssessmentEvent } from './assessment.events';

const spec = specify(assessmentDecider);
const group: Actor = { userId: 'insp-1', role: 'inspector', unitId: 'group-1' };
const townA: Actor = { userId: 'op-a', role: 'operator', unitId: 'town-a' };
const periodId = 'secretary-2025';

const command = specCommands<AssessmentCommand>('2025-12-10T00:00:00.000Z', office);
const units = { 'town-a': { open: true, unitType: 'rural' }, 'town-b': { open: true, unitType: 'community' }, school: { open: true, unitType: 'school' }, gone: { open: false, unitType: 'rural' } };
const open = (over: Record<string, unknown> = {}) =>
  command({ type: 'OpenAssessmentPeriod', periodId, title: '2025年度考核', from: '2025-12-01', to: '2025-12-31', scheme: SECRETARY_SCHEME, unitIds: ['town-a', 'town-b'], units, ...over });
const opened: AssessmentEvent = {
  type: 'AssessmentPeriodOpened',
  data: { periodId, title: '2025年度考核', from: '2025-12-01', to: '2025-12-31', scheme: SECRETARY_SCHEME, unitIds: ['town-a', 'town-b'], openedBy: 'office-1' },
};

const marks = (duty: number, passed = true, items = 0): Marks => ({ duty: { points: duty }, report: { passed }, tasks: { items } });
const byCriterion = (duty: number, passed = true, items = 0) => ({ duty, report: passed ? 20 : 0, tasks: Math.max(0, 40 - 5 * items) });
const total = (duty: number, passed = true, items = 0) => Object.values(byCriterion(duty, passed, items)).reduce((a, b) => a + b, 0);
const scored = (unitId: string, duty: number, reason = '', by = 'insp-1', passed = true): AssessmentEvent => ({
  type: 'AssessmentScored',
  data: { periodId, unitId, marks: marks(duty, passed), byCriterion: byCriterion(duty, passed), total: total(duty, passed), reason, scoredBy: by },
});
const score = (unitId: string, duty: number, reason = '', actor: Actor = group) => command({ type: 'ScoreAssessment', unitId, marks: marks(duty), reason }, actor);
const bothScored = [opened, scored('town-a', 30), scored('town-b', 35)];
const published = resultsPublished(periodId, 1, [
  { unitId: 'town-b', total: 95, grade: '优秀', rank: 1 },
  { unitId: 'town-a', total: 90, grade: '优秀', rank: 2 },
]);
const lodged: AssessmentEvent = { type: 'AssessmentAppealLodged', data: { periodId, unitId: 'town-a', appealId: 'ap-1', reason: '述职材料已按时报送', lodgedBy: 'op-a' } };

describe('scored assessments (考核)', () => {
  describe('OpenAssessmentPeriod', () => {
    it('opens a period with the scheme version copied in', () => spec.given([]).when(open()).then([opened]));

    it.each([
      ['role_not_allowed', open({ actor: group })],
      ['period_id_invalid', open({ periodId: '考核' })],
      ['period_dates_invalid', open({ to: '2025-11-30' })],
      ['scheme_not_found', open({ scheme: null })],
      ['units_required', open({ unitIds: [] })],
      ['unit_duplicate', open({ unitIds: ['town-a', 'town-a'] })],
      ['unit_not_found', open({ unitIds: ['nowhere'] })],
      ['unit_closed', open({ unitIds: ['gone'] })],
      ['unit_type_not_assessed', open({ unitIds: ['school'] })],
    ] as const)('refuses with %s', (code, cmd) => spec.given([]).when(cmd).thenRefused(code));

    it('opens a period once', () => spec.given([opened]).when(open()).thenRefused('period_exists'));
  });

  describe('self-assessment, then the assessing group', () => {
    const selfAssess = (actor: Actor = townA, unitId = 'town-a') => command({ type: 'SubmitSelfAssessment', unitId, marks: marks(38), note: '自评' }, actor);

    it('takes the unit self-assessment with its computed total', () =>
      spec.given([opened]).when(selfAssess()).then([
        { type: 'SelfAssessmentSubmitted', data: { periodId, unitId: 'town-a', marks: marks(38), byCriterion: byCriterion(38), total: 98, note: '自评', submittedBy: 'op-a' } },
      ]));

    it('scores a unit; a re-score needs its reason', () => {
      spec.given([opened]).when(score('town-a', 30)).then([scored('town-a', 30)]);
      spec.given([opened, scored('town-a', 30)]).when(score('town-a', 32, '补充材料后复核')).then([scored('town-a', 32, '补充材料后复核')]);
      spec.given([opened, scored('town-a', 30)]).when(score('town-a', 32)).thenRefused('reason_required');
    });

    it.each([
      ['not_own_unit', [opened], selfAssess({ ...townA }, 'town-b')],
      ['role_not_allowed', [opened], selfAssess(group)],
      ['already_scored', [opened, scored('town-a', 30)], selfAssess()],
      ['unit_not_assessed', [opened], score('school', 30)],
      ['role_not_allowed', [opened], score('town-a', 30, '', townA)],
      ['period_not_found', [], score('town-a', 30)],
      ['results_published', [...bothScored, published], score('town-a', 31, '复核')],
      ['results_published', [...bothScored, published], selfAssess()],
    ] as const)('refuses with %s', (code, given, cmd) => spec.given(given).when(cmd).thenRefused(code));
  });

  describe('moderation by the office', () => {
    const moderate = (mark: Marks[string], reason = '述职材料齐全', criterionId = 'report') => command({ type: 'ModerateAssessment', unitId: 'town-a', criterionId, mark, reason });

    it('changes one criterion with who and why, and the total follows', () =>
      spec.given([opened, scored('town-a', 30, '', 'insp-1', false)])
        .when(moderate({ passed: true }))
        .then([
          {
            type: 'AssessmentModerated',
            data: { periodId, unitId: 'town-a', criterionId: 'report', fromScore: 0, toScore: 20, marks: marks(30, true), byCriterion: byCriterion(30), total: 90, reason: '述职材料齐全', moderatedBy: 'office-1' },
          },
        ]));

    it.each([
      ['not_scored', [opened], moderate({ passed: false })],
      ['mark_unchanged', bothScored, moderate({ passed: true })],
      ['mark_unknown_criterion', bothScored, moderate({ points: 1 }, 'x', 'extra')],
      ['reason_required', bothScored, moderate({ passed: false }, '')],
      ['results_published', [...bothScored, published], moderate({ passed: false })],
    ] as const)('refuses with %s', (code, given, cmd) => spec.given(given).when(cmd).thenRefused(code));
  });

  describe('publication and appeals', () => {
    const publish = (actor: Actor = office) => command({ type: 'PublishAssessmentResults' }, actor);
    const appeal = (appealId = 'ap-1', actor: Actor = townA) => command({ type: 'LodgeAssessmentAppeal', unitId: 'town-a', appealId, reason: '述职材料已按时报送' }, actor);
    const decide = (upheld: boolean, m: Marks | null) => command({ type: 'DecideAssessmentAppeal', appealId: 'ap-1', upheld, reason: '经复核', marks: m });

    it('publishes ranked results with grades once every unit is scored', () => {
      spec.given(bothScored).when(publish()).then([published]);
      spec.given([opened, scored('town-a', 30)]).when(publish()).thenRefused('units_not_scored');
      spec.given([...bothScored, published]).when(publish()).thenRefused('results_published');
    });

    it('shares a rank on equal totals', () =>
      expect(spec.given([opened, scored('town-a', 30), scored('town-b', 30)]).when(publish()).events()[0].data).toMatchObject({
        results: [
          { unitId: 'town-a', rank: 1 },
          { unitId: 'town-b', rank: 1 },
        ],
      }));

    it('an upheld appeal re-scores the unit and publishes the next revision of the ranking', () =>
      spec.given([...bothScored, published, lodged]).when(decide(true, marks(40))).then([
        { type: 'AssessmentAppealDecided', data: { periodId, unitId: 'town-a', appealId: 'ap-1', upheld: true, reason: '经复核', decidedBy: 'office-1' } },
        scored('town-a', 40, '经复核', 'office-1'),
        resultsPublished(periodId, 2, [
          { unitId: 'town-a', total: 100, grade: '优秀', rank: 1 },
          { unitId: 'town-b', total: 95, grade: '优秀', rank: 2 },
        ]),
      ]));

    it('a rejected appeal changes no score', () =>
      spec.given([...bothScored, published, lodged]).when(decide(false, null)).then([
        { type: 'AssessmentAppealDecided', data: { periodId, unitId: 'town-a', appealId: 'ap-1', upheld: false, reason: '经复核', decidedBy: 'office-1' } },
      ]));

    it.each([
      ['results_not_published', bothScored, appeal()],
      ['appeal_open', [...bothScored, published, lodged], appeal('ap-2')],
      ['appeal_exists', [...bothScored, published, lodged], appeal('ap-1')],
      ['not_own_unit', [...bothScored, published], appeal('ap-1', { userId: 'op-b', role: 'operator', unitId: 'town-b' })],
      ['appeal_not_found', [...bothScored, published], decide(false, null)],
      ['marks_required', [...bothScored, published, lodged], decide(true, null)],
      ['marks_not_expected', [...bothScored, published, lodged], decide(false, marks(40))],
      ['mark_unchanged', [...bothScored, published, lodged], decide(true, marks(30))],
      ['appeal_id_invalid', [...bothScored, published], appeal('申诉 1')],
      ['role_not_allowed', [...bothScored, published], appeal('ap-1', group)],
      ['upheld_invalid', [...bothScored, published, lodged], { ...decide(false, null), upheld: 'yes' } as unknown as AssessmentCommand],
      ['role_not_allowed', [...bothScored, published, lodged], { ...decide(false, null), actor: townA }],
    ] as const)('refuses with %s', (code, given, cmd) => spec.given(given).when(cmd).thenRefused(code));

    it('an appeal is decided once', () => {
      const decided: AssessmentEvent = { type: 'AssessmentAppealDecided', data: { periodId, unitId: 'town-a', appealId: 'ap-1', upheld: false, reason: 'r', decidedBy: 'office-1' } };
      spec.given([...bothScored, published, lodged, decided]).when(decide(false, null)).thenRefused('appeal_decided');
    });
  });
});
