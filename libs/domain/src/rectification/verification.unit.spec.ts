import { Actor } from '../shared/actor';
import { specify } from '../testing/decider-specification';
import { problemDecider } from './problem.decider';
import { claimed, closed, cmd, ev, HISTORY, inspector, office, operator, planned, UNIT, verified, standingOf } from './testing/problem-fixtures';

const spec = specify(problemDecider);
const claim = (evidence = ' 制度已上墙 ') => cmd('ClaimFixed', { evidence, attachmentRefs: [] });
const accept = (actor: Actor = inspector) => cmd('AcceptFix', { comment: ' ' }, actor);
const reject = (reason = '群众仍有反映', actor: Actor = inspector) => cmd('RejectFix', { reason }, actor);
const close = (mechanisms: string | null = ' 每月回访 ', actor: Actor = inspector) => cmd('CloseProblem', { mechanisms }, actor);
const sameUnitInspector: Actor = { userId: 'insp-2', role: 'inspector', unitId: UNIT };

describe('ClaimFixed', () => {
  it('claims a fix with evidence; the problem waits for verification', () => {
    spec.given(HISTORY.inProgress).when(claim()).then([claimed()]);
    expect(spec.given(HISTORY.fixed).state.status).toBe('fixed');
  });

  it('claims straight from the plan (立行立改)', () => {
    spec.given([...HISTORY.identified, planned({ timing: 'immediate' })]).when(claim()).then([claimed()]);
  });

  spec.refusesEach([
    ['not_planned', HISTORY.identified, claim()],
    ['problem_deferred', HISTORY.deferred, claim()],
    ['awaiting_verification', HISTORY.fixed, claim()],
    ['problem_closed', HISTORY.closed, claim()],
    ['evidence_required', HISTORY.inProgress, claim(' ')],
  ]);

  it('refuses an inspector claiming for the unit', () => {
    spec.given(HISTORY.inProgress).when({ ...claim(), actor: inspector }).thenRefused('role_not_allowed');
  });
});

describe('AcceptFix (验收)', () => {
  it('lets an inspector from outside the unit verify; the problem counts as solved', () => {
    spec.given(HISTORY.fixed).when(accept()).then([verified()]);
    expect(standingOf(HISTORY.verified)).toEqual(['verified', 'solved']);
  });

  it('lets the office verify', () => {
    spec.given(HISTORY.fixed).when(accept(office)).then([ev('FixVerified', { comment: '', verifiedBy: 'office-1' })]);
  });

  spec.refusesEach([
    ['no_pending_claim', HISTORY.inProgress, accept()],
    ['no_pending_claim', HISTORY.verified, accept()],
    ['verifier_role_required', HISTORY.fixed, accept(operator('branch-9'))],
    ['own_unit_verification', HISTORY.fixed, accept(sameUnitInspector)],
    ['own_claim', [...HISTORY.inProgress, claimed('office-1')], accept(office)],
  ]);
});

describe('RejectFix', () => {
  it('sends the problem back to work with the reason', () => {
    const rejected = ev('FixRejected', { reason: '群众仍有反映', rejectedBy: 'insp-1' });
    spec.given(HISTORY.fixed).when(reject()).then([rejected]);
    const s = spec.given([...HISTORY.fixed, rejected]).state;
    expect(s.status).toBe('in_progress');
    expect(s.current.claim).toBeNull();
    expect(s.current.rejections).toEqual([{ reason: '群众仍有反映', rejectedBy: 'insp-1' }]);
  });

  spec.refusesEach([
    ['reason_required', HISTORY.fixed, reject(' ')],
    ['no_pending_claim', HISTORY.inProgress, reject()],
    ['verifier_role_required', HISTORY.fixed, reject('x', operator())],
    ['own_unit_verification', HISTORY.fixed, reject('x', sameUnitInspector)],
  ]);
});

describe('CloseProblem (销号)', () => {
  it('closes a verified problem with the mechanisms against rebound', () => {
    spec.given(HISTORY.verified).when(close()).then([closed('每月回访')]);
    const s = spec.given(HISTORY.closed).state;
    expect([s.status, s.handling, s.current.closure?.mechanisms]).toEqual(['closed', 'solved', '每月回访']);
  });

  it('closes without mechanisms when none were built', () => {
    spec.given(HISTORY.verified).when(close('  ')).then([closed(null)]);
  });

  spec.refusesEach([
    ['not_verified', HISTORY.fixed, close()],
    ['problem_closed', HISTORY.closed, close()],
    ['verifier_role_required', HISTORY.verified, close(null, operator())],
    ['own_unit_verification', HISTORY.verified, close(null, sameUnitInspector)],
  ]);
});
