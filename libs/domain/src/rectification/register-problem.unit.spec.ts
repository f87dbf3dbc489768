import { specify } from '../testing/decider-specification';
import { problemDecider } from './problem.decider';
import { campaignFacts, HISTORY, inspector, leader, NEIGHBOUR, office, operator, people, register, registered, UNIT } from './testing/problem-fixtures';

const spec = specify(problemDecider);
const unit = { unitId: UNIT, exists: true, closed: false, enrolled: true };

describe('RegisterProblem', () => {
  it('records a problem of the operator’s own unit, trimmed', () => {
    spec
      .given([])
      .when(register({ category: ' work_style ', description: ' 服务群众不主动 ' }))
      .then([registered()]);
  });

  it('lets the office register a problem from any source', () => {
    spec.given([]).when(register({ source: 'masses_report' }, office)).then([registered({ source: 'masses_report', registeredBy: 'office-1' })]);
  });

  it('lets an inspection team record its own finding', () => {
    spec
      .given([])
      .when(register({ source: 'supervision_group' }, inspector))
      .then([registered({ source: 'supervision_group', registeredBy: 'insp-1' })]);
  });

  it('takes a look_back source in a look-back campaign', () => {
    const facts = campaignFacts({ campaignId: 'lb', kind: 'look-back', parentCampaignId: 'adv-2025' });
    spec
      .given([])
      .when(register({ source: 'look_back', campaign: facts }))
      .then([registered({ source: 'look_back', campaignId: 'lb' })]);
  });

  spec.refusesEach([
    ['problem_exists', HISTORY.identified, register()],
    ['problem_id_invalid', [], register({ problemId: 'p 1/..' })],
    ['campaign_not_found', [], register({ campaign: campaignFacts({ launched: false }) })],
    ['source_invalid', [], register({ source: 'rumour' as never })],
    ['look_back_source_outside_look_back', [], register({ source: 'look_back' })],
    ['inspector_source', [], register({ source: 'democratic_appraisal' }, inspector)],
    ['role_not_allowed', [], register({}, leader)],
    ['not_responsible_unit', [], register({}, operator(NEIGHBOUR))],
    ['unit_not_found', [], register({ responsibleUnit: { ...unit, exists: false } })],
    ['unit_closed', [], register({ responsibleUnit: { ...unit, closed: true } })],
    ['unit_not_enrolled', [], register({ responsibleUnit: { ...unit, enrolled: false } })],
    ['category_required', [], register({ category: ' ' })],
    ['description_required', [], register({ description: '' })],
    ['responsible_leader_required', [], register({ people: { ...people, responsibleLeader: { name: ' ', userId: null } } })],
    ['handler_required', [], register({ people: { ...people, handler: { name: '', userId: null } } })],
    ['date_invalid', [], register({ discoveredAt: 'last week' })],
    ['discovered_in_future', [], register({ discoveredAt: '2025-09-05' })],
  ]);
});
