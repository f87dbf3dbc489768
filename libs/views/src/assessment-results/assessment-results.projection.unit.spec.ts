import { Actor, assessmentDecider, AssessmentEvent, AssessmentScheme } from '@platform/domain';
import { decidedHistory } from '@platform/domain/testing/decided-history';
import { specifyProjection } from '@platform/read-models/testing/projection-specification';
import { ASSESSMENT_PERIODS, ASSESSMENT_UNITS, AssessmentPeriodDoc, AssessmentUnitDoc } from './assessment-results.documents';
import { assessmentResultsProjection } from './assessment-results.projection';

const office: Actor = { userId: 'office-1', role: 'office', unitId: 'city' };
const group: Actor = { userId: 'insp-1', role: 'inspector', unitId: 'group-1' };
const liaison = (unitId: string): Actor => ({ userId: `op-${unitId}`, role: 'operator', unitId });
const scheme: AssessmentScheme = {
  schemeId: 'sec',
  version: 2,
  title: '书记抓党建考核',
  criteria: [
    { criterionId: 'duty', title: '主体责任', rule: { kind: 'points', max: 60 } },
    { criterionId: 'report', title: '述职', rule: { kind: 'pass_fail', max: 40 } },
  ],
  bands: [
    { grade: '优秀', minScore: 90 },
    { grade: '一般', minScore: 0 },
  ],
  subject: { unitTypes: [], post: '乡镇党委书记' },
};
const marks = (duty: number, passed = true) => ({ duty: { points: duty }, report: { passed } });

function history(): AssessmentEvent[] {
  const { run, events } = decidedHistory(assessmentDecider, { actor: office, at: '2025-12-10T00:00:00.000Z' });
  const units = { 'town-1': { open: true, unitType: 'community' }, 'town-2': { open: true, unitType: 'rural' } };
  run({ type: 'OpenAssessmentPeriod', periodId: 'p-2025', title: '2025年度', from: '2025-12-01', to: '2025-12-31', scheme, unitIds: ['town-1', 'town-2'], units });
  run({ type: 'SubmitSelfAssessment', unitId: 'town-1', marks: marks(58), note: '自评' }, liaison('town-1'));
  run({ type: 'ScoreAssessment', unitId: 'town-1', marks: marks(50, false), reason: '' }, group);
  run({ type: 'ScoreAssessment', unitId: 'town-2', marks: marks(55), reason: '' }, group);
  run({ type: 'ModerateAssessment', unitId: 'town-2', criterionId: 'duty', mark: { points: 52 }, reason: '台账不全' });
  run({ type: 'PublishAssessmentResults' });
  run({ type: 'LodgeAssessmentAppeal', unitId: 'town-1', appealId: 'ap-1', reason: '述职已完成' }, liaison('town-1'));
  run({ type: 'DecideAssessmentAppeal', appealId: 'ap-1', upheld: true, reason: '核实述职已完成', marks: marks(50, true) });
  return events;
}

describe('assessment results projection (考核结果)', () => {
  it('keeps the ranking of the latest revision and every score change with who and why', async () => {
    const given = specifyProjection(assessmentResultsProjection).given(history().map((e) => ({ ...e, streamId: 'assessment-p-2025' })));
    const docs = await given.documents();
    const period = docs[ASSESSMENT_PERIODS][0] as unknown as AssessmentPeriodDoc;
    expect(period).toMatchObject({
      schemeId: 'sec',
      schemeVersion: 2,
      revision: 2,
      results: [
        { unitId: 'town-2', total: 92, grade: '优秀', rank: 1 },
        { unitId: 'town-1', total: 90, grade: '优秀', rank: 2 },
      ],
    });
    const [town1, town2] = docs[ASSESSMENT_UNITS] as unknown as AssessmentUnitDoc[];
    expect(town1.changes.map((c) => [c.kind, c.total, c.by, c.reason])).toEqual([
      ['self', 98, 'op-town-1', '自评'],
      ['scored', 50, 'insp-1', ''],
      ['scored', 90, 'office-1', '核实述职已完成'],
    ]);
    expect(town1).toMatchObject({ selfTotal: 98, total: 90, rank: 2, grade: '优秀', appeals: [{ appealId: 'ap-1', decision: { upheld: true, reason: '核实述职已完成' } }] });
    expect(town2.changes.map((c) => [c.kind, c.criterionId, c.total, c.reason])).toEqual([
      ['scored', null, 95, ''],
      ['moderated', 'duty', 92, '台账不全'],
    ]);
    await given.then(docs);
  });
});
