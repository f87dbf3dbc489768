import { specify } from '../testing/decider-specification';
import { CITY_OFFICE as office } from '../testing/spec-commands';
import { Actor } from '../shared/actor';
import { CampaignTemplate, findTemplate } from './campaign-template';
import { CampaignFacts, unitProgressDecider, UnitProgressCommand } from './unit-progress.decider';
import { UnitProgressEvent } from './unit-progress.events';

const operator: Actor = { userId: 'op-1', role: 'operator', unitId: 'b1' };
const inspector: Actor = { userId: 'insp-1', role: 'inspector', unitId: 'county' };
const education = findTemplate('advanced-education') as CampaignTemplate;
const demo = findTemplate('demonstration-point') as CampaignTemplate;
const campaign: CampaignFacts = { campaignId: 'xjx-2', launched: true, enrolled: true, template: education };
const ids = { campaignId: 'xjx-2', unitId: 'b1' };
const spec = specify(unitProgressDecider);
const at = '2026-01-10T08:00:00.000Z';

type Cmd = UnitProgressCommand;
const cmd = (c: Record<string, unknown>, actor: Actor = operator, facts: CampaignFacts = campaign): Cmd =>
  ({ actor, at, campaign: facts, unitId: 'b1', ...c }) as Cmd;
const step = (phaseKey: string, stepKey: string, over: Record<string, unknown> = {}) =>
  cmd({ type: 'RecordStep', phaseKey, stepKey, evidence: '会议记录', attachmentRef: null, quantity: null, ...over });
const stepDone = (phaseKey: string, stepKey: string, quantity: number | null = null): UnitProgressEvent => ({
  type: 'StepRecorded',
  data: { ...ids, phaseKey, stepKey, evidence: '会议记录', attachmentRef: null, quantity },
});
const studyDone: UnitProgressEvent[] = [
  stepDone('study', 'mobilization_meeting'),
  stepDone('study', 'centralized_study', 40),
  stepDone('study', 'thematic_discussion'),
  stepDone('study', 'locating_members', 2),
];
const applied = (phaseKey = 'study', appliedBy = 'op-1'): UnitProgressEvent => ({
  type: 'TransitionApplied',
  data: { ...ids, phaseKey, appliedBy, note: '' },
});
const approved = (phaseKey: string, nextPhaseKey: string | null, nextStage = 'in_phase'): UnitProgressEvent =>
  ({ type: 'TransitionApproved', data: { ...ids, phaseKey, approvedBy: 'insp-1', comment: '', nextPhaseKey, nextStage } }) as UnitProgressEvent;

function allPhasesDone(template: CampaignTemplate): UnitProgressEvent[] {
  return template.phases.flatMap((p, i) => [
    ...p.steps.map((s) => stepDone(p.key, s.key, s.measure ? 1 : null)),
    applied(p.key),
    approved(p.key, template.phases[i + 1]?.key ?? null, template.phases[i + 1] ? 'in_phase' : template.consolidation ? 'consolidation' : 'summary'),
  ]);
}

/** An education unit through every phase and concluded by `userId`: nothing more may be recorded for it. */
const concludedBy = (userId: string): UnitProgressEvent[] => [
  ...allPhasesDone(education),
  { type: 'UnitConcluded', data: { ...ids, summary: 's', outcome: null, concludedBy: userId } },
];

describe('unit progress decider', () => {
  describe('RecordStep', () => {
    it('records a step of the current phase with its evidence', () =>
      spec.given([]).when(step('study', 'mobilization_meeting', { attachmentRef: 'f/1.pdf' })).then([
        { type: 'StepRecorded', data: { ...ids, phaseKey: 'study', stepKey: 'mobilization_meeting', evidence: '会议记录', attachmentRef: 'f/1.pdf', quantity: null } },
      ]));
    it('records the quantity of a measured step', () =>
      spec.given([]).when(step('study', 'centralized_study', { quantity: 40 })).then([stepDone('study', 'centralized_study', 40)]));
    it('refuses a step of a phase the unit has not entered', () =>
      spec.given([]).when(step('analysis', 'soliciting_opinions')).thenRefused('phase_not_entered'));
    it('refuses a step of a phase already passed', () =>
      spec.given([...studyDone, applied(), approved('study', 'analysis')]).when(step('study', 'thematic_discussion')).thenRefused('phase_already_passed'));
    it('refuses an unknown phase or step', () => {
      spec.given([]).when(step('nope', 'x')).thenRefused('phase_not_found');
      spec.given([]).when(step('study', 'democratic_appraisal')).thenRefused('step_not_found');
    });
    it('refuses a step recorded twice', () =>
      spec.given([stepDone('study', 'mobilization_meeting')]).when(step('study', 'mobilization_meeting')).thenRefused('step_already_recorded'));
    it('refuses a step without evidence', () => spec.given([]).when(step('study', 'mobilization_meeting', { evidence: ' ' })).thenRefused('evidence_required'));
    it('refuses a measured step without a quantity', () => spec.given([]).when(step('study', 'centralized_study')).thenRefused('quantity_required'));
    it('refuses while the transition application is pending', () =>
      spec.given([stepDone('study', 'mobilization_meeting'), ...studyDone.slice(1), applied()]).when(step('study', 'thematic_discussion')).thenRefused('transition_pending'));
    it('refuses a unit that is not enrolled, or a campaign that does not exist', () => {
      spec.given([]).when(cmd({ type: 'RecordStep', phaseKey: 'study', stepKey: 'mobilization_meeting', evidence: 'x', attachmentRef: null, quantity: null }, operator, { ...campaign, enrolled: false })).thenRefused('unit_not_enrolled');
      spec.given([]).when(cmd({ type: 'RecordStep', phaseKey: 'study', stepKey: 'mobilization_meeting', evidence: 'x', attachmentRef: null, quantity: null }, operator, { ...campaign, launched: false, template: null })).thenRefused('campaign_not_found');
    });
  });

  describe('RecordParticipation', () => {
    const part = (over: Record<string, unknown> = {}) =>
      cmd({ type: 'RecordParticipation', shouldAttend: 38, attended: 35, excused: [{ reason: '流动党员', count: 2 }], ...over });
    it('records should / did / excused with reasons', () =>
      spec.given([]).when(part()).then([
        { type: 'ParticipationRecorded', data: { ...ids, shouldAttend: 38, attended: 35, excused: [{ reason: '流动党员', count: 2 }] } },
      ]));
    it('refuses more attending and excused than should attend', () => spec.given([]).when(part({ attended: 37 })).thenRefused('counts_exceed'));
    it('refuses zero members to attend', () => spec.given([]).when(part({ shouldAttend: 0, attended: 0, excused: [] })).thenRefused('should_attend_zero'));
    it('refuses negative or fractional counts', () => spec.given([]).when(part({ attended: -1 })).thenRefused('counts_invalid'));
    it('refuses an excused group without a reason', () =>
      spec.given([]).when(part({ excused: [{ reason: '', count: 1 }] })).thenRefused('excused_reason_required'));
    it('refuses after the unit concluded', () =>
      spec.given(concludedBy('insp-1')).when(part()).thenRefused('unit_concluded'));
  });

  describe('transition (转段)', () => {
    const apply = (phaseKey = 'study', actor = operator) => cmd({ type: 'ApplyForTransition', phaseKey, note: '' }, actor);
    const approve = (actor: Actor, phaseKey = 'study') => cmd({ type: 'ApproveTransition', phaseKey, comment: '同意' }, actor);
    const reject = (actor: Actor, reason = '学习笔记不全') => cmd({ type: 'RejectTransition', phaseKey: 'study', reason }, actor);

    it('applies once every required step is done', () => spec.given(studyDone).when(apply()).then([applied()]));
    it('refuses to apply before the required steps are done, naming them', () => {
      let error: unknown;
      try {
        spec.given(studyDone.slice(0, 2)).when(apply()).events();
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: 'required_steps_missing', details: { missing: ['thematic_discussion', 'locating_members'] } });
    });
    it('refuses to apply twice', () => spec.given([...studyDone, applied()]).when(apply()).thenRefused('transition_pending'));
    it('refuses to apply for another phase', () => spec.given(studyDone).when(apply('analysis')).thenRefused('phase_not_entered'));

    it('approves into the next phase (supervision group)', () =>
      spec.given([...studyDone, applied()]).when(approve(inspector)).then([
        { type: 'TransitionApproved', data: { ...ids, phaseKey: 'study', approvedBy: 'insp-1', comment: '同意', nextPhaseKey: 'analysis', nextStage: 'in_phase' } },
      ]));
    it('lets the office approve too', () => expect(spec.given([...studyDone, applied()]).when(approve(office)).events()).toHaveLength(1));
    it('refuses approval by an operator', () => spec.given([...studyDone, applied()]).when(approve(operator)).thenRefused('reviewer_role_required'));
    it('refuses approving one\'s own application', () =>
      spec.given([...studyDone, applied('study', 'office-1')]).when(approve(office)).thenRefused('own_application'));
    it('refuses approval without a pending application', () => spec.given(studyDone).when(approve(inspector)).thenRefused('no_pending_application'));
    it('refuses approval of another phase than the one applied for', () =>
      spec.given([...studyDone, applied()]).when(approve(inspector, 'analysis')).thenRefused('no_pending_application'));

    it('rejects with a reason; the unit may apply again', () => {
      const rejected: UnitProgressEvent = { type: 'TransitionRejected', data: { ...ids, phaseKey: 'study', rejectedBy: 'insp-1', reason: '学习笔记不全' } };
      spec.given([...studyDone, applied()]).when(reject(inspector)).then([rejected]);
      spec.given([...studyDone, applied(), rejected]).when(apply()).then([applied()]);
    });
    it('refuses a rejection without a reason', () => spec.given([...studyDone, applied()]).when(reject(inspector, ' ')).thenRefused('reason_required'));

    it('moves into consolidation after the last phase of a template that has one', () => {
      const events = allPhasesDone(education);
      const state = spec.given(events).state;
      expect(state.stage).toBe('consolidation');
      spec.given(events).when(step('rectification', 'implementation')).thenRefused('phases_completed');
    });
  });

  describe('ConcludeUnit', () => {
    const conclude = (over: Record<string, unknown> = {}, actor = inspector, facts = campaign) =>
      cmd({ type: 'ConcludeUnit', summary: '整改到位', outcome: null, ...over }, actor, facts);
    it('concludes after consolidation', () =>
      spec.given(allPhasesDone(education)).when(conclude()).then([
        { type: 'UnitConcluded', data: { ...ids, summary: '整改到位', outcome: null, concludedBy: 'insp-1' } },
      ]));
    it('refuses before the phases are done', () => spec.given(studyDone).when(conclude()).thenRefused('phases_not_completed'));
    it('refuses an operator', () => spec.given(allPhasesDone(education)).when(conclude({}, operator)).thenRefused('reviewer_role_required'));
    it('refuses an empty summary', () => spec.given(allPhasesDone(education)).when(conclude({ summary: '' })).thenRefused('summary_required'));
    it('refuses concluding twice', () =>
      spec.given(concludedBy('x')).when(conclude()).thenRefused('unit_concluded'));
    it('requires a demonstration point to be named or eliminated', () => {
      const demoFacts = { ...campaign, template: demo };
      const events = allPhasesDone(demo);
      expect(spec.given(events).state.stage).toBe('summary');
      spec.given(events).when(conclude({}, inspector, demoFacts)).thenRefused('outcome_required');
      spec.given(events).when(conclude({ outcome: 'named' }, inspector, demoFacts)).then([
        { type: 'UnitConcluded', data: { ...ids, summary: '整改到位', outcome: 'named', concludedBy: 'insp-1' } },
      ]);
    });
    it('refuses an outcome on a template without outcomes', () =>
      spec.given(allPhasesDone(education)).when(conclude({ outcome: 'named' })).thenRefused('outcome_not_allowed'));
  });
});
