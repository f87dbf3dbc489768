import { EDUCATION_PHASES } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

const TREE_CSV = [
  '编码,名称,层级,类型,上级编码,党员数',
  'city,常德市,市,机关,,0',
  'county-1,武陵区,区县(市),机关,city,0',
  'town-1,芙蓉街道,乡镇/街道,街道社区,county-1,0',
  'branch-1,芙蓉社区党支部,党支部,街道社区,town-1,38',
  'branch-2,丹阳社区党支部,党支部,街道社区,town-1,25',
].join('\n');

const PHASE_STEPS: Record<string, { stepKey: string; quantity?: number }[]> = {
  study: [
    { stepKey: 'mobilization_meeting' },
    { stepKey: 'centralized_study', quantity: 40 },
    { stepKey: 'thematic_discussion' },
    { stepKey: 'locating_members', quantity: 3 },
  ],
  analysis: [
    { stepKey: 'soliciting_opinions' },
    { stepKey: 'heart_to_heart_talks' },
    { stepKey: 'party_spirit_analysis' },
    { stepKey: 'organizational_life_meeting' },
    { stepKey: 'democratic_appraisal' },
    { stepKey: 'appraisal_report' },
  ],
  rectification: [
    { stepKey: 'rectification_plan' },
    { stepKey: 'plan_publication' },
    { stepKey: 'implementation' },
    { stepKey: 'results_publication' },
    { stepKey: 'satisfaction_evaluation' },
  ],
};

describe('a branch walks through the advanced-education campaign over HTTP', () => {
  let p: TestPlatform;
  let admin: Headers, office: Headers, operator: Headers, inspector: Headers;
  beforeAll(async () => {
    p = await startTestPlatform();
    admin = await p.signIn('admin-1', 'admin');
    office = await p.signIn('office-1', 'office', ['city']);
    operator = await p.signIn('op-branch', 'operator', ['branch-1']);
    inspector = await p.signIn('insp-1', 'inspector', ['county-1']);
  });
  afterAll(async () => p.close());

  it('imports the tree, launches the campaign, and completes all three phases, consolidation and summary', async () => {
    const imported = await p.http().post('/api/organizations/import').set(admin).send({ csv: TREE_CSV }).expect(201);
    expect(imported.body.streams).toHaveLength(5);

    await p
      .http()
      .post('/api/campaigns')
      .set(office)
      .send({
        campaignId: 'xjx-2',
        name: '第二批保持共产党员先进性教育活动',
        templateKey: 'advanced-education',
        batch: 2,
        subtreeRootId: 'town-1',
        plannedPhases: EDUCATION_PHASES,
      })
      .expect(201);
    const campaign = await p.http().get('/api/campaigns/xjx-2').set(office).expect(200);
    expect(campaign.body.enrolledUnitIds.sort()).toEqual(['branch-1', 'branch-2', 'town-1']);

    const unit = '/api/campaigns/xjx-2/units/branch-1';
    await p
      .http()
      .post(`${unit}/participation`)
      .set(operator)
      .send({ shouldAttend: 38, attended: 36, excused: [{ reason: '流动党员', count: 2 }], occurredAt: '2026-01-06T09:00:00Z' })
      .expect(201);

    for (const phaseKey of ['study', 'analysis', 'rectification']) {
      const before = await p.http().get(unit).set(operator).expect(200);
      expect(before.body.currentPhase.key).toBe(phaseKey);
      for (const s of PHASE_STEPS[phaseKey]) {
        await p
          .http()
          .post(`${unit}/steps`)
          .set(operator)
          .send({ phaseKey, ...s, evidence: `${phaseKey}/${s.stepKey} 会议记录`, attachmentRef: `files/${s.stepKey}.pdf` })
          .expect(201);
      }
      const ready = await p.http().get(unit).set(operator).expect(200);
      expect(ready.body.requiredDone).toBe(ready.body.requiredTotal);
      await p.http().post(`${unit}/transition-applications`).set(operator).send({ phaseKey }).expect(201);
      const approved = await p
        .http()
        .post(`${unit}/transition-applications/approve`)
        .set(inspector)
        .send({ phaseKey, comment: '同意转段' })
        .expect(201);
      expect(approved.body.eventTypes).toEqual(['TransitionApproved']);
    }

    const consolidating = await p.http().get(unit).set(operator).expect(200);
    expect(consolidating.body.stage).toBe('consolidation');
    await p.http().post(`${unit}/conclusion`).set(inspector).send({ summary: '整改到位，群众满意' }).expect(201);
    const done = await p.http().get(unit).set(operator).expect(200);
    expect(done.body.stage).toBe('concluded');

    const stream = await p.http().get('/api/streams/progress-xjx-2.branch-1/events').set(inspector).expect(200);
    const types = stream.body.events.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === 'TransitionApproved')).toHaveLength(3);
    expect(types.filter((t: string) => t === 'StepRecorded')).toHaveLength(15);
    const participation = stream.body.events.find((e: { type: string }) => e.type === 'ParticipationRecorded');
    expect(participation).toMatchObject({
      occurredAt: '2026-01-06T09:00:00.000Z',
      actor: { userId: 'op-branch', role: 'operator', unitId: 'branch-1' },
    });
    expect(participation.recordedAt).not.toBe(participation.occurredAt);
    const approval = stream.body.events.find((e: { type: string }) => e.type === 'TransitionApproved');
    expect(approval.actor.userId).toBe('insp-1');
  });
});
