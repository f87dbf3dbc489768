import { ProblemEvent } from './problem.events';
import { handlingOf } from './problem-state';
import { claimed, ev, HISTORY, LOOK_BACK, partClosed, planned, registered, standingOf, stateOf } from './testing/problem-fixtures';

describe('status and the five kinds of handling (seed 004, 三.1)', () => {
  it.each([
    ['identified', HISTORY.identified, 'being_rectified'],
    ['planned', HISTORY.planned, 'by_deadline'],
    ['in_progress', HISTORY.inProgress, 'by_deadline'],
    ['fixed', HISTORY.fixed, 'being_rectified'],
    ['verified', HISTORY.verified, 'solved'],
    ['closed', HISTORY.closed, 'solved'],
    ['deferred', HISTORY.deferred, 'deferred'],
    ['joint', HISTORY.joint, 'joint'],
  ] as const)('a problem %s is handled as %s', (status, events, handling) => {
    expect(standingOf(events)).toEqual([status, handling]);
  });

  it('treats ongoing work and 立行立改 under way as kind (1), being rectified under supervision', () => {
    expect(stateOf([registered(), planned({ timing: 'ongoing', deadline: null })]).handling).toBe('being_rectified');
    expect(stateOf([registered(), planned({ timing: 'ongoing', deadline: '2025-12-31' })]).handling).toBe('being_rectified');
    expect(stateOf([registered(), planned({ timing: 'immediate', deadline: '2025-09-05' })]).handling).toBe('being_rectified');
  });

  it('counts a joint problem awaiting verification as kind (1), and back to joint after a rejection', () => {
    const claimedJoint = [...HISTORY.joint, partClosed('part-a'), partClosed('part-b'), claimed()];
    expect(stateOf(claimedJoint).handling).toBe('being_rectified');
    const rejected = ev('FixRejected', { reason: '群众仍有反映', rejectedBy: 'insp-1' });
    expect(stateOf([...claimedJoint, rejected]).handling).toBe('joint');
  });

  it('derives handling from the cycle alone', () => {
    expect(handlingOf({ status: 'fixed', joint: null, plan: null })).toBe('being_rectified');
  });

  it('starts a rebounded problem over as being rectified, with its history kept', () => {
    const rebound: ProblemEvent = {
      type: 'ProblemRebounded',
      data: { problemId: 'p-001', lookBackCampaignId: LOOK_BACK, previousCycle: 1, cycle: 2, finding: '反弹', checkedBy: 'insp-1' },
    };
    const s = stateOf([...HISTORY.closed, rebound]);
    expect([s.status, s.handling, s.cycles[0].handling]).toEqual(['identified', 'being_rectified', 'solved']);
  });
});
