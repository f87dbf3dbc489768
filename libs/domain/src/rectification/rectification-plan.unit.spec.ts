import { specify } from '../testing/decider-specification';
import { problemDecider } from './problem.decider';
import { cmd, ev, HISTORY, inspector, NEIGHBOUR, office, operator, planned, progressed, published } from './testing/problem-fixtures';

const spec = specify(problemDecider);
const plan = (over: Partial<{ measures: string[]; timing: 'immediate' | 'by_deadline' | 'ongoing'; deadline: string | null }> = {}) =>
  cmd('PlanRectification', { measures: [' 建立首问负责制 ', ''], timing: 'by_deadline', deadline: '2025-10-31', ...over });
const changeDeadline = (deadline = '2025-11-30', reason = '需等待上级批复') => cmd('ChangeDeadline', { deadline, reason });

describe('PlanRectification', () => {
  it('records measures, timing class and deadline; the problem becomes planned', () => {
    const given = spec.given(HISTORY.identified);
    given.when(plan()).then([planned()]);
    expect(spec.given([...HISTORY.identified, planned()]).state.status).toBe('planned');
  });

  it('lets ongoing work go without a deadline', () => {
    spec.given(HISTORY.identified).when(plan({ timing: 'ongoing', deadline: null })).then([planned({ timing: 'ongoing', deadline: null })]);
  });

  it('lets the office plan for the unit', () => {
    spec.given(HISTORY.identified).when({ ...plan(), actor: office }).then([planned({ plannedBy: 'office-1' })]);
  });

  spec.refusesEach([
    ['problem_not_found', [], plan()],
    ['role_not_allowed', HISTORY.identified, { ...plan(), actor: inspector }],
    ['not_responsible_unit', HISTORY.identified, { ...plan(), actor: operator(NEIGHBOUR) }],
    ['already_planned', HISTORY.planned, plan()],
    ['already_planned', HISTORY.inProgress, plan()],
    ['problem_closed', HISTORY.closed, plan()],
    ['measures_required', HISTORY.identified, plan({ measures: [' ', ''] })],
    ['timing_invalid', HISTORY.identified, plan({ timing: 'someday' as never })],
    ['deadline_required', HISTORY.identified, plan({ timing: 'immediate', deadline: null })],
    ['deadline_required', HISTORY.identified, plan({ timing: 'by_deadline', deadline: null })],
    ['deadline_in_past', HISTORY.identified, plan({ deadline: '2025-08-31' })],
    ['date_invalid', HISTORY.identified, plan({ deadline: 'end of year' })],
  ]);
});

describe('PublishPlan (公示)', () => {
  it('publishes the plan once', () => {
    spec.given(HISTORY.planned).when(cmd('PublishPlan', {})).then([published()]);
    expect(spec.given([...HISTORY.planned, published()]).state.current.published).toBe(true);
  });

  it.each([
    ['not_planned', HISTORY.identified],
    ['already_published', [...HISTORY.planned, published()]],
  ] as const)('refuses with %s', (code, given) => {
    spec.given(given).when(cmd('PublishPlan', {})).thenRefused(code);
  });

  it('refuses another unit', () => {
    spec.given(HISTORY.planned).when(cmd('PublishPlan', {}, operator(NEIGHBOUR))).thenRefused('not_responsible_unit');
  });
});

describe('RecordProgress', () => {
  const note = (text = ' 已召开专题会 ', attachmentRefs = ['att-1', ' ']) => cmd('RecordProgress', { note: text, attachmentRefs });

  it('records a note with its evidence; the first note starts the work', () => {
    spec
      .given(HISTORY.planned)
      .when(note())
      .then([ev('ProgressRecorded', { note: '已召开专题会', attachmentRefs: ['att-1'], recordedBy: 'op-1' })]);
    expect(spec.given([...HISTORY.planned, progressed()]).state.status).toBe('in_progress');
  });

  it('keeps recording while deferred, since deferred problems are solved step by step', () => {
    spec.given(HISTORY.deferred).when(note('先修了一段路', [])).then([progressed('先修了一段路')]);
  });

  spec.refusesEach([
    ['not_planned', HISTORY.identified, note()],
    ['awaiting_verification', HISTORY.fixed, note()],
    ['already_verified', HISTORY.verified, note()],
    ['problem_closed', HISTORY.closed, note()],
    ['note_required', HISTORY.inProgress, note('  ')],
  ]);
});

describe('ChangeDeadline', () => {
  it('changes the deadline with the previous one and the reason, and keeps the history', () => {
    const changed = ev('DeadlineChanged', { previousDeadline: '2025-10-31', deadline: '2025-11-30', reason: '需等待上级批复', changedBy: 'op-1' });
    spec.given(HISTORY.inProgress).when(changeDeadline()).then([changed]);
    const again = ev('DeadlineChanged', { previousDeadline: '2025-11-30', deadline: '2025-12-15', reason: '施工延误', changedBy: 'op-1' });
    const s = spec.given([...HISTORY.inProgress, changed, again]).state;
    expect(s.current.plan?.deadline).toBe('2025-12-15');
    expect(s.current.deadlineChanges.map((d) => [d.previousDeadline, d.deadline])).toEqual([
      ['2025-10-31', '2025-11-30'],
      ['2025-11-30', '2025-12-15'],
    ]);
  });

  it('sets a first deadline on ongoing work', () => {
    spec
      .given([...HISTORY.identified, planned({ timing: 'ongoing', deadline: null })])
      .when(changeDeadline('2025-12-31', '明确阶段目标'))
      .then([ev('DeadlineChanged', { previousDeadline: null, deadline: '2025-12-31', reason: '明确阶段目标', changedBy: 'op-1' })]);
  });

  spec.refusesEach([
    ['reason_required', HISTORY.inProgress, changeDeadline('2025-11-30', ' ')],
    ['deadline_unchanged', HISTORY.inProgress, changeDeadline('2025-10-31')],
    ['deadline_in_past', HISTORY.inProgress, changeDeadline('2025-08-01')],
    ['not_planned', HISTORY.identified, changeDeadline()],
    ['problem_deferred', HISTORY.deferred, changeDeadline()],
    ['awaiting_verification', HISTORY.fixed, changeDeadline()],
  ]);
});
