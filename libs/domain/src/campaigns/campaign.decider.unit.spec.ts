import { specify } from '../testing/decider-specification';
import { Actor } from '../shared/actor';
import { findTemplate, validateTemplate, BUILT_IN_TEMPLATES, CampaignTemplate } from './campaign-template';
import { campaignDecider, CampaignCommand } from './campaign.decider';
import { CampaignLaunched, DEFAULT_WARNING_THRESHOLDS } from './campaign.events';

const ctx = { actor: { userId: 'office-1', role: 'office' } as Actor, at: '2026-01-01T00:00:00.000Z' };
const spec = specify(campaignDecider);
const education = findTemplate('advanced-education') as CampaignTemplate;
const plan = [
  { phaseKey: 'study', start: '2026-01-05', end: '2026-02-10' },
  { phaseKey: 'analysis', start: '2026-02-11', end: '2026-03-20' },
  { phaseKey: 'rectification', start: '2026-03-21', end: '2026-04-30' },
];
const open = (unitId: string) => ({ unitId, exists: true, closed: false });

function launch(over: Partial<Extract<CampaignCommand, { type: 'LaunchCampaign' }>> = {}): CampaignCommand {
  return {
    ...ctx,
    type: 'LaunchCampaign',
    campaignId: 'xjx-2',
    name: '第二批先进性教育活动',
    templateKey: 'advanced-education',
    template: education,
    batch: 2,
    parentCampaignId: null,
    parent: null,
    scope: { unitIds: ['b1', 'b2'] },
    units: [open('b1'), open('b2')],
    plannedPhases: plan,
    warningThresholds: DEFAULT_WARNING_THRESHOLDS,
    satisfactionThreshold: 0.8,
    ...over,
  };
}

const launched = (over: Partial<CampaignLaunched['data']> = {}): CampaignLaunched => ({
  type: 'CampaignLaunched',
  data: {
    campaignId: 'xjx-2',
    name: '第二批先进性教育活动',
    template: education,
    batch: 2,
    parentCampaignId: null,
    scope: { unitIds: ['b1', 'b2'] },
    enrolledUnitIds: ['b1', 'b2'],
    plannedPhases: plan,
    warningThresholds: DEFAULT_WARNING_THRESHOLDS,
    satisfactionThreshold: 0.8,
    ...over,
  },
});

describe('campaign templates', () => {
  it('ships three valid built-in templates with the steps of the seeds', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.key)).toEqual(['advanced-education', 'look-back', 'demonstration-point']);
    BUILT_IN_TEMPLATES.forEach((t) => expect(validateTemplate(t)).toEqual([]));
    expect(education.phases.map((p) => p.name)).toEqual(['学习动员', '分析评议', '整改提高']);
    expect(education.phases[1].steps.map((s) => s.name)).toContain('专题组织生活会');
    expect(education.consolidation).toEqual({ name: '巩固扩大整改成果', plannedDays: 90 });
    expect(findTemplate('look-back')?.requiresParent).toBe(true);
    expect(findTemplate('demonstration-point')?.outcomes.map((o) => o.key)).toEqual(['named', 'eliminated']);
  });

  it('finds problems in template data', () => {
    const broken: CampaignTemplate = { ...education, key: 'Bad Key', phases: [{ key: 'p', name: 'p', steps: [{ key: 's', name: 's', required: false }] }] };
    expect(validateTemplate(broken)).toEqual([expect.stringContaining('template key'), expect.stringContaining('no required step')]);
  });
});

describe('campaign decider', () => {
  it('launches over listed units with the template snapshot', () => spec.given([]).when(launch()).then([launched()]));

  it('launches over a subtree, leaving closed units out', () =>
    spec
      .given([])
      .when(launch({ scope: { subtreeRootId: 't1' }, units: [open('t1'), open('b1'), { unitId: 'b9', exists: true, closed: true }] }))
      .then([launched({ scope: { subtreeRootId: 't1' }, enrolledUnitIds: ['t1', 'b1'] })]));

  it('refuses a closed listed unit', () =>
    spec.given([]).when(launch({ units: [open('b1'), { unitId: 'b2', exists: true, closed: true }] })).thenRefused('unit_closed'));
  it('refuses an unknown listed unit', () =>
    spec.given([]).when(launch({ units: [open('b1'), { unitId: 'b2', exists: false, closed: false }] })).thenRefused('unit_not_found'));
  it('refuses a closed subtree root', () =>
    spec.given([]).when(launch({ scope: { subtreeRootId: 't1' }, units: [{ unitId: 't1', exists: true, closed: true }] })).thenRefused('unit_closed'));
  it('refuses a launch twice', () => spec.given([launched()]).when(launch()).thenRefused('campaign_exists'));
  it('refuses an unknown template', () => spec.given([]).when(launch({ template: null, templateKey: 'nope' })).thenRefused('template_not_found'));
  it('refuses a batch below 1', () => spec.given([]).when(launch({ batch: 0 })).thenRefused('batch_invalid'));
  it('refuses an empty scope', () => spec.given([]).when(launch({ units: [] })).thenRefused('scope_empty'));
  it('refuses a plan that does not follow the template phases', () =>
    spec.given([]).when(launch({ plannedPhases: plan.slice(0, 2) })).thenRefused('plan_phases_mismatch'));
  it('refuses a phase ending before it starts', () =>
    spec
      .given([])
      .when(launch({ plannedPhases: [plan[0], { ...plan[1], end: '2026-01-01' }, plan[2]] }))
      .thenRefused('plan_end_before_start'));
  it('refuses phases out of order', () =>
    spec
      .given([])
      .when(launch({ plannedPhases: [plan[0], { ...plan[1], start: '2026-01-01' }, plan[2]] }))
      .thenRefused('plan_out_of_order'));
  it('refuses inconsistent warning thresholds and satisfaction threshold', () => {
    spec.given([]).when(launch({ warningThresholds: { greenDays: 5, yellowDays: 10 } })).thenRefused('warning_thresholds_invalid');
    spec.given([]).when(launch({ satisfactionThreshold: 1.5 })).thenRefused('satisfaction_threshold_invalid');
  });

  describe('look-back', () => {
    const lookBack = findTemplate('look-back') as CampaignTemplate;
    const lb = (over: Partial<Extract<CampaignCommand, { type: 'LaunchCampaign' }>> = {}) =>
      launch({ campaignId: 'lb-1', templateKey: 'look-back', template: lookBack, parentCampaignId: 'xjx-2', parent: { campaignId: 'xjx-2', launched: true, templateKind: 'education' }, ...over });
    it('launches linked to its parent campaign', () => {
      const [e] = spec.given([]).when(lb()).events();
      expect(e).toMatchObject({ type: 'CampaignLaunched', data: { parentCampaignId: 'xjx-2', template: { key: 'look-back' } } });
    });
    it('refuses a look-back without a parent', () => spec.given([]).when(lb({ parentCampaignId: null, parent: null })).thenRefused('parent_campaign_required'));
    it('refuses an unknown parent', () =>
      spec.given([]).when(lb({ parent: { campaignId: 'xjx-2', launched: false, templateKind: null } })).thenRefused('parent_campaign_not_found'));
    it('refuses a look-back of a look-back', () =>
      spec.given([]).when(lb({ parent: { campaignId: 'x', launched: true, templateKind: 'look-back' } })).thenRefused('parent_campaign_kind'));
    it('refuses a parent on a template that takes none', () =>
      spec.given([]).when(launch({ parentCampaignId: 'xjx-2' })).thenRefused('parent_campaign_not_allowed'));
  });

  describe('EnrollUnits', () => {
    it('enrolls more units', () =>
      spec
        .given([launched()])
        .when({ ...ctx, type: 'EnrollUnits', units: [open('b3')] })
        .then([{ type: 'UnitsEnrolled', data: { campaignId: 'xjx-2', unitIds: ['b3'] } }]));
    it('refuses an already enrolled unit', () =>
      spec.given([launched()]).when({ ...ctx, type: 'EnrollUnits', units: [open('b1')] }).thenRefused('already_enrolled'));
    it('refuses a closed unit', () =>
      spec.given([launched()]).when({ ...ctx, type: 'EnrollUnits', units: [{ unitId: 'b3', exists: true, closed: true }] }).thenRefused('unit_closed'));
    it('refuses before launch', () => spec.given([]).when({ ...ctx, type: 'EnrollUnits', units: [open('b3')] }).thenRefused('campaign_not_found'));
    it('refuses an empty list', () => spec.given([launched()]).when({ ...ctx, type: 'EnrollUnits', units: [] }).thenRefused('units_required'));
  });
});
