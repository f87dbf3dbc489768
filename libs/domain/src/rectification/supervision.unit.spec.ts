import { Actor } from '../shared/actor';
import { specify } from '../testing/decider-specification';
import { problemDecider } from './problem.decider';
import { underSupervision } from './problem-state';
import { AT, cmd, ev, HISTORY, inspector, office, operator, TOWNSHIP, UNIT } from './testing/problem-fixtures';

const spec = specify(problemDecider);
const note = (over: { finding?: string; demand?: string; dueBy?: string } = {}, actor: Actor = inspector) =>
  cmd('NoteSupervision', { finding: ' 整改台账不完整 ', demand: ' 补齐台账并报督导组 ', dueBy: '2025-09-15', ...over }, actor);
const noted = (over: Partial<{ notedBy: string; supervisorUnitId: string | null }> = {}) =>
  ev('SupervisionNoted', {
    finding: '整改台账不完整',
    demand: '补齐台账并报督导组',
    dueBy: '2025-09-15',
    notedBy: 'insp-1',
    supervisorUnitId: 'group-3',
    at: AT,
    ...over,
  });

describe('NoteSupervision (督查)', () => {
  it('records what the group found, what it demands and by when; the status does not change', () => {
    spec.given(HISTORY.inProgress).when(note()).then([noted()]);
    const s = spec.given([...HISTORY.inProgress, noted()]).state;
    expect(s.status).toBe('in_progress');
    expect(s.current.supervision).toEqual([
      { finding: '整改台账不完整', demand: '补齐台账并报督导组', dueBy: '2025-09-15', notedBy: 'insp-1', supervisorUnitId: 'group-3', at: AT },
    ]);
    expect(underSupervision(s.current)).toBe(true);
  });

  it('supervises a fix awaiting verification, a deferred and a joint problem, and lets the office supervise', () => {
    spec.given(HISTORY.fixed).when(note()).then([noted()]);
    spec.given(HISTORY.deferred).when(note()).then([noted()]);
    spec.given(HISTORY.joint).when(note()).then([noted()]);
    spec.given(HISTORY.inProgress).when(note({}, office)).then([noted({ notedBy: 'office-1', supervisorUnitId: 'city-office' })]);
  });

  it('lets a group without an own unit supervise any problem, the coordinator of a joint one included', () => {
    const group: Actor = { userId: 'insp-9', role: 'inspector', unitId: null };
    spec.given(HISTORY.joint).when(note({}, group)).then([noted({ notedBy: 'insp-9', supervisorUnitId: null })]);
  });

  it('is no longer under supervision once verified', () => {
    const s = spec.given([...HISTORY.fixed, noted(), ev('FixVerified', { comment: '', verifiedBy: 'insp-1' })]).state;
    expect(underSupervision(s.current)).toBe(false);
  });

  spec.refusesEach([
    ['supervisor_role_required', HISTORY.inProgress, note({}, operator())],
    ['already_verified', HISTORY.verified, note()],
    ['problem_closed', HISTORY.closed, note()],
    ['own_unit_supervision', HISTORY.inProgress, note({}, { userId: 'insp-2', role: 'inspector', unitId: UNIT })],
    ['own_unit_supervision', HISTORY.joint, note({}, { userId: 'insp-3', role: 'inspector', unitId: TOWNSHIP })],
    ['finding_required', HISTORY.inProgress, note({ finding: ' ' })],
    ['demand_required', HISTORY.inProgress, note({ demand: '' })],
    ['date_invalid', HISTORY.inProgress, note({ dueBy: '15/09/2025' })],
    ['due_by_in_past', HISTORY.inProgress, note({ dueBy: '2025-08-31' })],
    ['problem_not_found', [], note()],
  ]);
});
