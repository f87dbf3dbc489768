import { Actor } from '../shared/actor';
import { specify } from '../testing/decider-specification';
import { problemDecider } from './problem.decider';
import {
  claimed,
  closed,
  cmd,
  ev,
  HISTORY,
  inspector,
  leader,
  LOOK_BACK,
  lookBackFacts,
  NEIGHBOUR,
  operator,
  planned,
  progressed,
  published,
  verified,
} from './testing/problem-fixtures';

const spec = specify(problemDecider);
const recheck = (outcome: 'held' | 'rebounded' = 'held', actor: Actor = inspector, lookBack = lookBackFacts(), finding = ' 群众反映良好 ') =>
  cmd('RecheckProblem', { lookBack, outcome, finding }, actor);
const held = ev('RecheckHeld', { lookBackCampaignId: LOOK_BACK, cycle: 1, finding: '群众反映良好', checkedBy: 'insp-1' });
const rebounded = ev('ProblemRebounded', { lookBackCampaignId: LOOK_BACK, previousCycle: 1, cycle: 2, finding: '窗口又出现推诿', checkedBy: 'insp-1' });

describe('RecheckProblem (回头看)', () => {
  it('records that a closed problem held', () => {
    spec.given(HISTORY.closed).when(recheck()).then([held]);
    const s = spec.given([...HISTORY.closed, held]).state;
    expect([s.status, s.handling, s.rechecks.length]).toEqual(['closed', 'solved', 1]);
  });

  it('reopens a rebounded problem as a new cycle on the same stream, keeping the old one readable', () => {
    spec.given(HISTORY.closed).when(recheck('rebounded', inspector, lookBackFacts(), '窗口又出现推诿')).then([rebounded]);
    const s = spec.given([...HISTORY.closed, rebounded]).state;
    expect([s.status, s.handling, s.current.number, s.current.campaignId]).toEqual(['identified', 'being_rectified', 2, LOOK_BACK]);
    expect(s.current.reopened).toEqual({ lookBackCampaignId: LOOK_BACK, finding: '窗口又出现推诿' });
    expect(s.current.plan).toBeNull();
    expect(s.cycles).toHaveLength(1);
    expect([s.cycles[0].number, s.cycles[0].status, s.cycles[0].closure?.mechanisms, s.cycles[0].published]).toEqual([1, 'closed', '每月回访', true]);
    expect(s.rechecks).toEqual([{ lookBackCampaignId: LOOK_BACK, cycle: 1, outcome: 'rebounded', finding: '窗口又出现推诿', checkedBy: 'insp-1' }]);
  });

  it('plans the new cycle afresh', () => {
    spec
      .given([...HISTORY.closed, rebounded])
      .when(cmd('PlanRectification', { measures: ['建立首问负责制'], timing: 'by_deadline', deadline: '2025-10-31' }))
      .then([planned()]);
  });

  it('lets the unit admit its own rebound', () => {
    const own = recheck('rebounded', operator(), lookBackFacts(), '窗口又出现推诿');
    spec.given(HISTORY.closed).when(own).then([{ ...rebounded, data: { ...rebounded.data, checkedBy: 'op-1' } }]);
  });

  it('re-checks the next cycle once it is closed again, even in the same look-back', () => {
    const second = [...HISTORY.closed, rebounded, planned(), published(), progressed(), claimed(), verified(), closed()];
    spec.given(second).when(recheck()).then([{ ...held, data: { ...held.data, cycle: 2 } }]);
  });

  it('lets a later look-back re-check again', () => {
    const later = lookBackFacts({ campaignId: 'lookback-2027' });
    spec.given([...HISTORY.closed, held]).when(recheck('held', inspector, later)).then([{ ...held, data: { ...held.data, lookBackCampaignId: 'lookback-2027' } }]);
  });

  spec.refusesEach([
    ['not_closed', HISTORY.verified, recheck()],
    ['campaign_not_found', HISTORY.closed, recheck('held', inspector, lookBackFacts({ launched: false }))],
    ['not_look_back_campaign', HISTORY.closed, recheck('held', inspector, lookBackFacts({ kind: 'education' }))],
    ['not_parent_campaign', HISTORY.closed, recheck('held', inspector, lookBackFacts({ parentCampaignId: 'other' }))],
    ['already_rechecked', [...HISTORY.closed, held], recheck()],
    ['own_unit_recheck', HISTORY.closed, recheck('held', operator())],
    ['own_unit_recheck', HISTORY.closed, recheck('held', { userId: 'i', role: 'inspector', unitId: 'branch-1' })],
    ['not_responsible_unit', HISTORY.closed, recheck('rebounded', operator(NEIGHBOUR))],
    ['role_not_allowed', HISTORY.closed, recheck('held', leader)],
    ['finding_required', HISTORY.closed, recheck('held', inspector, lookBackFacts(), ' ')],
    ['outcome_invalid', HISTORY.closed, recheck('vanished' as never)],
  ]);
});
