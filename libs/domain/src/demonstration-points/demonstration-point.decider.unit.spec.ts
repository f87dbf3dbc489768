import { Actor } from '../shared/actor';
import { fold } from '../shared/decider';
import { specify } from '../testing/decider-specification';
import { CITY_OFFICE as office, specCommands } from '../testing/spec-commands';
import { DemonstrationPointCommand, demonstrationPointDecider } from './demonstration-point.decider';
import { DemonstrationOutcome, DemonstrationPointEvent, DemonstrationStage } from './demonstration-point.events';

const spec = specify(demonstrationPointDecider);
const assessor: Actor = { userId: 'insp-1', role: 'inspector', unitId: 'group-1' };
const liaison: Actor = { userId: 'op-1', role: 'operator', unitId: 'village-1' };
const unitId = 'village-1';

const command = specCommands<DemonstrationPointCommand>('2025-12-20T00:00:00.000Z', office, { unitId });
const recommend = (year = 2025, over: Record<string, unknown> = {}) =>
  command({ type: 'RecommendDemonstrationPoint', year, level: 'city', reason: '基础好、有特色', unit: { open: true, unitType: 'rural' }, ...over });
const decideRec = (confirmed = true, reason = '') => command({ type: 'DecideDemonstrationRecommendation', confirmed, reason });
const assess = (year: number, passed = true, over: Record<string, unknown> = {}, actor: Actor = assessor) =>
  command({ type: 'AssessDemonstrationPoint', year, passed, score: passed ? 92 : 71, periodId: 'demo-std-' + year, note: passed ? '' : '未达到创建标准', reviewEveryYears: null, ...over }, actor);

const recommended = (year = 2025, cycle = 1): DemonstrationPointEvent => ({
  type: 'DemonstrationPointRecommended',
  data: { unitId, cycle, year, level: 'city', pointType: 'rural', reason: '基础好、有特色', recommendedBy: 'office-1' },
});
const confirmed = (cycle = 1): DemonstrationPointEvent => ({ type: 'DemonstrationRecommendationDecided', data: { unitId, cycle, confirmed: true, reason: '', decidedBy: 'office-1' } });
const assessed = (year: number, from: DemonstrationStage, outcome: DemonstrationOutcome, reviewEveryYears: number | null = null, cycle = 1): DemonstrationPointEvent => {
  const passed = outcome !== 'eliminated';
  return {
    type: 'DemonstrationPointAssessed',
    data: { unitId, cycle, year, passed, score: passed ? 92 : 71, periodId: 'demo-std-' + year, note: passed ? '' : '未达到创建标准', from, outcome, reviewEveryYears, assessedBy: 'insp-1' },
  };
};
const creating = [recommended(), confirmed()];
const named = [...creating, assessed(2025, 'creating', 'named')];
const improving = [...named, assessed(2026, 'named', 'improving', 2)];

describe('demonstration points (示范点): recommended, created, assessed yearly, 优进劣出', () => {
  it('walks the whole life: recommended → creating → named → 全面建设提高 → reviewed', () => {
    spec.given([]).when(recommend()).then([recommended()]);
    spec.given([recommended()]).when(decideRec()).then([confirmed()]);
    spec.given(creating).when(assess(2025)).then([assessed(2025, 'creating', 'named')]);
    spec.given(named).when(assess(2026, true, { reviewEveryYears: 2 })).then([assessed(2026, 'named', 'improving', 2)]);
    spec.given(improving).when(assess(2028)).then([assessed(2028, 'improving', 'kept', 2)]);
    expect(fold(demonstrationPointDecider, improving).stage).toBe('improving');
  });

  it('a failed assessment at any stage eliminates the point, and the history keeps every step', () => {
    spec.given(creating).when(assess(2025, false)).then([assessed(2025, 'creating', 'eliminated')]);
    spec.given(named).when(assess(2026, false)).then([assessed(2026, 'named', 'eliminated')]);
    spec.given(improving).when(assess(2028, false)).then([assessed(2028, 'improving', 'eliminated')]);
    const state = fold(demonstrationPointDecider, [...improving, assessed(2028, 'improving', 'eliminated')]);
    expect(state.history.map((h) => `${h.year}:${h.stage}`)).toEqual(['2025:recommended', '2025:creating', '2025:named', '2026:improving', '2028:eliminated']);
  });

  it('an eliminated unit may be recommended again in a later year, as a new cycle', () => {
    const out = [...named, assessed(2026, 'named', 'eliminated')];
    spec.given(out).when(recommend(2027)).then([recommended(2027, 2)]);
    spec.given(out).when(recommend(2026)).thenRefused('year_invalid');
  });

  it('a declined recommendation needs its reason', () => {
    spec.given([recommended()]).when(decideRec(false, '创建基础薄弱')).then([
      { type: 'DemonstrationRecommendationDecided', data: { unitId, cycle: 1, confirmed: false, reason: '创建基础薄弱', decidedBy: 'office-1' } },
    ]);
    spec.given([recommended()]).when(decideRec(false)).thenRefused('reason_required');
  });

  it.each([
    ['role_not_allowed', [], recommend(2025, { actor: liaison })],
    ['unit_not_found', [], recommend(2025, { unit: null })],
    ['unit_closed', [], recommend(2025, { unit: { open: false, unitType: 'rural' } })],
    ['already_in_programme', creating, recommend(2026)],
    ['level_invalid', [], recommend(2025, { level: 'province' })],
    ['reason_required', [], recommend(2025, { reason: ' ' })],
    ['not_recommended', [], decideRec()],
    ['not_recommended', creating, decideRec()],
    ['not_under_assessment', [recommended()], assess(2025)],
    ['role_not_allowed', creating, assess(2025, true, {}, liaison)],
    ['year_already_assessed', named, assess(2025)],
    ['year_already_assessed', creating, assess(2024)],
    ['year_not_next', named, assess(2027)],
    ['review_not_due', improving, assess(2027)],
    ['note_required', creating, assess(2025, false, { note: '' })],
    ['review_interval_invalid', named, assess(2026, true, { reviewEveryYears: 3 })],
    ['review_interval_not_expected', creating, assess(2025, true, { reviewEveryYears: 2 })],
    ['score_invalid', creating, assess(2025, true, { score: -1 })],
    ['year_invalid', [], recommend(1999)],
    ['year_invalid', creating, assess(2101)],
    ['confirmed_invalid', [recommended()], command({ type: 'DecideDemonstrationRecommendation', confirmed: 'yes', reason: '' })],
    ['passed_invalid', creating, assess(2025, true, { passed: null })],
    ['period_id_invalid', creating, assess(2025, true, { periodId: '考核 期' })],
    ['role_not_allowed', [recommended()], command({ type: 'DecideDemonstrationRecommendation', confirmed: true, reason: '' }, assessor)],
  ] as const)('refuses with %s', (code, given, cmd) => spec.given(given).when(cmd).thenRefused(code));
});
