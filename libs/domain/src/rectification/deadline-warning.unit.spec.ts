import { specify } from '../testing/decider-specification';
import { warningLevel, WARNING_RECIPIENTS } from './deadline-warning';
import { problemDecider } from './problem.decider';
import { AT, claimed, cmd, ev, HISTORY, NEIGHBOUR, partClosed, planned, UNIT } from './testing/problem-fixtures';

describe('warningLevel', () => {
  it.each([
    ['2025-10-31', '2025-10-10', 'none'],
    ['2025-10-31', '2025-10-11', 'green'],
    ['2025-10-31', '2025-10-20', 'green'],
    ['2025-10-31', '2025-10-21', 'yellow'],
    ['2025-10-31', '2025-10-31', 'yellow'],
    ['2025-10-31', '2025-11-01', 'red'],
  ] as const)('deadline %s on %s is %s with the default thresholds', (deadline, today, level) => {
    expect(warningLevel(deadline, today)).toBe(level);
  });

  it('follows the campaign’s own thresholds', () => {
    expect(warningLevel('2025-10-31', '2025-10-01', { greenDays: 30, yellowDays: 15 })).toBe('green');
    expect(warningLevel('2025-10-31', '2025-10-16', { greenDays: 30, yellowDays: 15 })).toBe('yellow');
  });

  it('reaches someone higher at each level', () => {
    expect(WARNING_RECIPIENTS).toEqual({
      none: [],
      green: ['handler'],
      yellow: ['handler', 'responsible_leader'],
      red: ['handler', 'responsible_leader', 'unit_principal'],
    });
  });
});

describe('RaiseWarning', () => {
  const spec = specify(problemDecider);
  const thresholds = { greenDays: 20, yellowDays: 10 };
  const at = (day: string) => `${day}T01:00:00.000Z`;
  const raise = (today: string, partId: string | null = null) =>
    cmd('RaiseWarning', { today, thresholds, partId }, { userId: 'scheduler', role: 'office', unitId: null }, at(today));
  const raised = (level: 'green' | 'yellow' | 'red', today: string, daysLeft: number, deadline = '2025-10-31', partId: string | null = null, unitId = UNIT) =>
    ev('DeadlineWarningRaised', {
      partId,
      unitId,
      deadline,
      today,
      daysLeft,
      level,
      notify: level === 'green' ? ['handler'] : level === 'yellow' ? ['handler', 'responsible_leader'] : ['handler', 'responsible_leader', 'unit_principal'],
    });
  const green = raised('green', '2025-10-15', 16);

  it('raises nothing while the deadline is far', () => {
    spec.given(HISTORY.inProgress).when(raise('2025-10-01')).then([]);
  });

  it('raises green, telling the handler', () => {
    spec.given(HISTORY.inProgress).when(raise('2025-10-15')).then([green]);
  });

  it('records each level once, however often the job runs', () => {
    spec.given([...HISTORY.inProgress, green]).when(raise('2025-10-15')).then([]);
    spec.given([...HISTORY.inProgress, green]).when(raise('2025-10-16')).then([]);
  });

  it('climbs to yellow and red, each reaching someone higher', () => {
    const yellow = raised('yellow', '2025-10-25', 6);
    spec.given([...HISTORY.inProgress, green]).when(raise('2025-10-25')).then([yellow]);
    spec.given([...HISTORY.inProgress, green, yellow]).when(raise('2025-11-02')).then([raised('red', '2025-11-02', -2)]);
  });

  it('jumps straight to red when the job first sees an overdue problem', () => {
    spec.given(HISTORY.planned).when(raise('2025-11-02')).then([raised('red', '2025-11-02', -2)]);
  });

  it('starts afresh for a changed deadline', () => {
    const changed = ev('DeadlineChanged', { previousDeadline: '2025-10-31', deadline: '2025-11-30', reason: '等待批复', changedBy: 'op-1' });
    const yellow = raised('yellow', '2025-10-25', 6);
    const given = [...HISTORY.inProgress, green, yellow, changed];
    expect(spec.given(given).state.current.lastWarning).toBeNull();
    spec.given(given).when(raise('2025-10-25')).then([]);
    spec.given(given).when(raise('2025-11-10')).then([raised('green', '2025-11-10', 20, '2025-11-30')]);
  });

  it('warns on a joint part’s deadline, for the part’s unit', () => {
    spec.given(HISTORY.joint).when(raise('2025-11-25', 'part-b')).then([raised('yellow', '2025-11-25', 5, '2025-11-30', 'part-b', NEIGHBOUR)]);
    const partWarned = raised('yellow', '2025-11-25', 5, '2025-11-30', 'part-b', NEIGHBOUR);
    spec.given([...HISTORY.joint, partWarned]).when(raise('2025-11-26', 'part-b')).then([]);
    spec.given([...HISTORY.joint, partWarned]).when(raise('2025-10-25')).then([raised('yellow', '2025-10-25', 6)]);
  });

  it('accepts the office’s calendar day one off from UTC', () => {
    const command = { ...raise('2025-10-16'), at: '2025-10-15T17:00:00.000Z' };
    spec.given(HISTORY.inProgress).when(command).then([raised('green', '2025-10-16', 15)]);
  });

  spec.refusesEach([
    ['problem_not_found', [], raise('2025-10-15')],
    ['problem_deferred', HISTORY.deferred, raise('2025-11-02')],
    ['problem_not_open', HISTORY.identified, raise('2025-11-02')],
    ['problem_not_open', HISTORY.fixed, raise('2025-11-02')],
    ['problem_not_open', HISTORY.closed, raise('2025-11-02')],
    ['no_deadline', [...HISTORY.identified, planned({ timing: 'ongoing', deadline: null })], raise('2025-11-02')],
    ['not_joint', HISTORY.inProgress, raise('2025-11-02', 'part-a')],
    ['part_not_found', HISTORY.joint, raise('2025-11-02', 'part-z')],
    ['part_closed', [...HISTORY.joint, partClosed('part-b')], raise('2025-11-25', 'part-b')],
    ['problem_not_open', [...HISTORY.joint, partClosed('part-a'), partClosed('part-b'), claimed()], raise('2025-11-25', 'part-b')],
    ['today_invalid', HISTORY.inProgress, { ...raise('2025-11-02'), at: AT }],
    ['today_invalid', HISTORY.inProgress, { ...raise('2025-11-02'), today: 'tomorrow' }],
  ]);
});
