import { specify } from '../testing/decider-specification';
import { ProblemCommand } from './problem.commands';
import { problemDecider } from './problem.decider';
import { ProblemEvent } from './problem.events';
import { cmd, HISTORY, inspector, leader, lookBackFacts, NEIGHBOUR, operator, TOWNSHIP } from './testing/problem-fixtures';

const spec = specify(problemDecider);

/** One command of each kind that needs an existing problem, in a shape that would otherwise pass. */
const everyCommandOnAProblem: [string, readonly ProblemEvent[], ProblemCommand][] = [
  ['PlanRectification', HISTORY.identified, cmd('PlanRectification', { measures: ['m'], timing: 'ongoing', deadline: null })],
  ['PublishPlan', HISTORY.planned, cmd('PublishPlan', {})],
  ['RecordProgress', HISTORY.planned, cmd('RecordProgress', { note: 'n', attachmentRefs: [] })],
  ['ChangeDeadline', HISTORY.planned, cmd('ChangeDeadline', { deadline: '2025-12-01', reason: 'r' })],
  ['ClaimFixed', HISTORY.inProgress, cmd('ClaimFixed', { evidence: 'e', attachmentRefs: [] })],
  ['AcceptFix', HISTORY.fixed, cmd('AcceptFix', { comment: '' }, inspector)],
  ['RejectFix', HISTORY.fixed, cmd('RejectFix', { reason: 'r' }, inspector)],
  ['CloseProblem', HISTORY.verified, cmd('CloseProblem', { mechanisms: null }, inspector)],
  [
    'DeferProblem',
    HISTORY.inProgress,
    cmd('DeferProblem', { constraint: 'c', explanation: { text: 't', date: '2025-08-30' }, reReviewDate: '2026-01-01', gradualMeasures: ['g'] }),
  ],
  ['ReviewDeferral', HISTORY.deferred, cmd('ReviewDeferral', { finding: 'f', reReviewDate: '2026-06-01' })],
  ['ResumeRectification', HISTORY.deferred, cmd('ResumeRectification', { note: 'n', deadline: null })],
  [
    'EscalateToJoint',
    HISTORY.inProgress,
    cmd(
      'EscalateToJoint',
      {
        coordinator: { unitId: TOWNSHIP, exists: true, closed: false, isAncestorOfResponsibleUnit: true },
        reason: 'r',
        parts: [{ partId: 'a', unit: { unitId: NEIGHBOUR, exists: true, closed: false }, description: 'd', deadline: '2025-12-01' }],
      },
      operator(TOWNSHIP),
    ),
  ],
  ['RecordPartProgress', HISTORY.joint, cmd('RecordPartProgress', { partId: 'part-a', note: 'n', attachmentRefs: [] })],
  ['ChangePartDeadline', HISTORY.joint, cmd('ChangePartDeadline', { partId: 'part-a', deadline: '2025-12-31', reason: 'r' })],
  ['ClosePart', HISTORY.joint, cmd('ClosePart', { partId: 'part-a', evidence: 'e' })],
  ['RecheckProblem', HISTORY.closed, cmd('RecheckProblem', { lookBack: lookBackFacts(), outcome: 'held', finding: 'f' }, inspector)],
  [
    'RaiseWarning',
    HISTORY.planned,
    cmd('RaiseWarning', { today: '2025-10-25', thresholds: { greenDays: 20, yellowDays: 10 }, partId: null }, inspector, '2025-10-25T01:00:00.000Z'),
  ],
];

describe('guards every command shares', () => {
  it.each(everyCommandOnAProblem)('%s passes in its usual shape', (_type, given, command) => {
    expect(spec.given(given).when(command).events().length).toBeGreaterThan(0);
  });

  it.each(everyCommandOnAProblem)('%s is refused on a problem that was never registered', (_type, _given, command) => {
    spec.given([]).when(command).thenRefused('problem_not_found');
  });

  /** The unit's own work: another unit's operator and anyone outside the office are refused. */
  const unitSide = everyCommandOnAProblem.filter(([type]) =>
    ['PlanRectification', 'PublishPlan', 'RecordProgress', 'ChangeDeadline', 'ClaimFixed', 'DeferProblem', 'ReviewDeferral', 'ResumeRectification'].includes(type),
  );

  it.each(unitSide)('%s is refused to another unit’s operator', (_type, given, command) => {
    spec.given(given).when({ ...command, actor: operator(NEIGHBOUR) }).thenRefused('not_responsible_unit');
  });

  it.each(unitSide)('%s is refused to a leader and to an inspector', (_type, given, command) => {
    spec.given(given).when({ ...command, actor: leader }).thenRefused('role_not_allowed');
    spec.given(given).when({ ...command, actor: inspector }).thenRefused('role_not_allowed');
  });

  const parts = everyCommandOnAProblem.filter(([type]) => ['RecordPartProgress', 'ChangePartDeadline', 'ClosePart'].includes(type));

  it.each(parts)('%s is refused to a unit without that part', (_type, given, command) => {
    spec.given(given).when({ ...command, actor: operator(NEIGHBOUR) }).thenRefused('not_part_unit');
  });

  it.each(parts)('%s is refused on a problem not handled jointly', (_type, _given, command) => {
    spec.given(HISTORY.inProgress).when(command).thenRefused('not_joint');
  });
});
