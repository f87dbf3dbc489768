import { specify } from '../testing/decider-specification';
import { ProblemCommandOf } from './problem.commands';
import { problemDecider } from './problem.decider';
import { cmd, deferred, ev, HISTORY, inspector, NEIGHBOUR, operator, standingOf } from './testing/problem-fixtures';

const spec = specify(problemDecider);
type DeferFields = Omit<ProblemCommandOf<'DeferProblem'>, 'type' | 'actor' | 'at'>;
const defer = (over: Partial<DeferFields> = {}) =>
  cmd('DeferProblem', {
    constraint: ' 资金须列入明年预算 ',
    explanation: { text: '已在村民大会上说明', date: '2025-08-30' },
    reReviewDate: '2026-03-01',
    gradualMeasures: ['先修复破损路段', ' '],
    ...over,
  });
const review = (finding = '预算已申报', reReviewDate = '2026-06-01') => cmd('ReviewDeferral', { finding, reReviewDate });
const resume = (deadline: string | null = null, note = '资金已到位') => cmd('ResumeRectification', { note, deadline });

describe('DeferProblem (受客观条件限制一时解决不了)', () => {
  it('defers with the constraint, what the masses were told, a re-review date and gradual measures', () => {
    spec.given(HISTORY.inProgress).when(defer()).then([deferred()]);
    expect(standingOf(HISTORY.deferred)).toEqual(['deferred', 'deferred']);
  });

  it('defers a problem that is only planned', () => {
    spec.given(HISTORY.planned).when(defer()).then([deferred()]);
  });

  spec.refusesEach([
    ['not_planned', HISTORY.identified, defer()],
    ['problem_deferred', HISTORY.deferred, defer()],
    ['awaiting_verification', HISTORY.fixed, defer()],
    ['problem_joint', HISTORY.joint, defer()],
    ['constraint_required', HISTORY.inProgress, defer({ constraint: ' ' })],
    ['explanation_required', HISTORY.inProgress, defer({ explanation: { text: '', date: '2025-08-30' } })],
    ['date_invalid', HISTORY.inProgress, defer({ explanation: { text: '已说明', date: '' } })],
    ['explanation_in_future', HISTORY.inProgress, defer({ explanation: { text: '将在大会上说明', date: '2025-09-10' } })],
    ['re_review_date_not_future', HISTORY.inProgress, defer({ reReviewDate: '2025-09-01' })],
    ['gradual_measures_required', HISTORY.inProgress, defer({ gradualMeasures: [] })],
  ]);

  it.each([
    ['role_not_allowed', inspector],
    ['not_responsible_unit', operator(NEIGHBOUR)],
  ] as const)('refuses with %s', (code, actor) => {
    spec.given(HISTORY.inProgress).when({ ...defer(), actor }).thenRefused(code);
  });
});

describe('ReviewDeferral', () => {
  it('records the re-review and the next re-review date', () => {
    const reviewed = ev('DeferralReviewed', { finding: '预算已申报', previousReReviewDate: '2026-03-01', reReviewDate: '2026-06-01', reviewedBy: 'op-1' });
    spec.given(HISTORY.deferred).when(review()).then([reviewed]);
    const d = spec.given([...HISTORY.deferred, reviewed]).state.current.deferrals[0];
    expect(d.reReviewDate).toBe('2026-06-01');
    expect(d.reviews).toHaveLength(1);
  });

  spec.refusesEach([
    ['not_deferred', HISTORY.inProgress, review()],
    ['finding_required', HISTORY.deferred, review(' ')],
    ['re_review_date_not_future', HISTORY.deferred, review('x', '2025-08-01')],
  ]);
});

describe('ResumeRectification', () => {
  const resumed = ev('RectificationResumed', { note: '资金已到位', resumedBy: 'op-1' });

  it('goes back to work, keeping the deferral in the history', () => {
    spec.given(HISTORY.deferred).when(resume()).then([resumed]);
    const s = spec.given([...HISTORY.deferred, resumed]).state;
    expect([s.status, s.handling]).toEqual(['in_progress', 'by_deadline']);
    expect(s.current.deferrals[0].resumed).toEqual({ note: '资金已到位', resumedBy: 'op-1' });
  });

  it('records a new deadline as a deadline change with the resume note as reason', () => {
    spec
      .given(HISTORY.deferred)
      .when(resume('2026-05-31'))
      .then([
        resumed,
        ev('DeadlineChanged', { previousDeadline: '2025-10-31', deadline: '2026-05-31', reason: '资金已到位', changedBy: 'op-1' }),
      ]);
  });

  it('does not record a change when the deadline stays', () => {
    spec.given(HISTORY.deferred).when(resume('2025-10-31')).then([resumed]);
  });

  it('can be deferred again later', () => {
    spec.given([...HISTORY.deferred, resumed]).when(defer()).then([deferred()]);
  });

  spec.refusesEach([
    ['not_deferred', HISTORY.inProgress, resume()],
    ['note_required', HISTORY.deferred, resume(null, ' ')],
    ['deadline_in_past', HISTORY.deferred, resume('2025-08-01')],
    ['not_responsible_unit', HISTORY.deferred, { ...resume(), actor: operator(NEIGHBOUR) }],
  ]);
});
