import { CITY_OFFICE as office } from '../testing/spec-commands';
import { fold } from '../shared/decider';
import { DomainRuleError } from '../shared/domain-error';
import { assessmentDecider } from '../assessments/assessment.decider';
import { AssessmentEvent } from '../assessments/assessment.events';
import { resultsPublished } from '../assessments/testing/period-events';
import { SECRETARY_SCHEME } from '../assessments/testing/scheme-fixtures';
import { findingOfPeriod } from './creation-standard';

const periodId = 'standard-2025';
const opened: AssessmentEvent = {
  type: 'AssessmentPeriodOpened',
  data: { periodId, title: '创建标准考评', from: '2025-01-01', to: '2025-12-31', scheme: SECRETARY_SCHEME, unitIds: ['v1', 'v2'], openedBy: office.userId },
};
const published = resultsPublished(periodId, 1, [
  { unitId: 'v1', total: 80, grade: '好', rank: 1 },
  { unitId: 'v2', total: 79.5, grade: '一般', rank: 2 },
]);
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainRuleError).code;
  }
  return null;
};

describe('a point assessed against the creation standards (创建标准) takes the period’s published result', () => {
  const period = fold(assessmentDecider, [opened, published]);

  it('passes any band above the lowest, with the published total as its score', () => {
    expect(findingOfPeriod(period, 'v1')).toEqual({ passed: true, score: 80 });
  });

  it('fails the lowest band, whatever its name', () => {
    expect(findingOfPeriod(period, 'v2')).toEqual({ passed: false, score: 79.5 });
  });

  it.each([
    ['period_not_found', () => findingOfPeriod(assessmentDecider.initialState(), 'v1')],
    ['results_not_published', () => findingOfPeriod(fold(assessmentDecider, [opened]), 'v1')],
    ['unit_not_assessed', () => findingOfPeriod(period, 'v3')],
  ] as const)('refuses with %s', (code, f) => expect(refusal(f)).toBe(code));
});
