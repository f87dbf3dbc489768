import { Actor, demonstrationPointDecider, DemonstrationPointEvent } from '@platform/domain';
import { decidedHistory } from '@platform/domain/testing/decided-history';
import { specifyProjection } from '@platform/read-models/testing/projection-specification';
import { DEMONSTRATION_POINTS, DemonstrationPointDoc, demonstrationRegisterProjection } from './demonstration-register.projection';

const office: Actor = { userId: 'office-1', role: 'office', unitId: 'city' };

function lifeOf(unitId: string, steps: Array<Record<string, unknown>>): DemonstrationPointEvent[] {
  const history = decidedHistory(demonstrationPointDecider, { actor: office, at: '2025-12-20T00:00:00.000Z', unitId });
  return steps.flatMap((fields) => history.run(fields));
}

const recommend = (year: number) => ({ type: 'RecommendDemonstrationPoint', year, level: 'city', reason: '基础好', unit: { open: true, unitType: 'rural' } });
const confirm = { type: 'DecideDemonstrationRecommendation', confirmed: true, reason: '' };
const assess = (year: number, passed: boolean, reviewEveryYears: number | null = null) => ({
  type: 'AssessDemonstrationPoint',
  year,
  passed,
  score: passed ? 91 : 70,
  periodId: null,
  note: passed ? '' : '未达标',
  reviewEveryYears,
});

describe('demonstration register projection (示范点名册)', () => {
  it('shows each point at its stage with the year it is due, and keeps an eliminated point’s history into its next cycle', async () => {
    const events = [
      ...lifeOf('village-1', [recommend(2024), confirm, assess(2024, true), assess(2025, true, 2)]),
      ...lifeOf('village-2', [recommend(2024), confirm, assess(2024, true), assess(2025, false), recommend(2026)]),
      ...lifeOf('village-3', [recommend(2025), confirm]),
    ];
    const given = specifyProjection(demonstrationRegisterProjection).given(events);
    const docs = (await given.documents())[DEMONSTRATION_POINTS] as unknown as DemonstrationPointDoc[];
    expect(docs.map((d) => [d.unitId, d.stage, d.cycle, d.dueYear])).toEqual([
      ['village-1', 'improving', 1, 2027],
      ['village-2', 'recommended', 2, null],
      ['village-3', 'creating', 1, 2025],
    ]);
    expect(docs[1].history.map((h) => `${h.cycle}:${h.year}:${h.stage}`)).toEqual(['1:2024:recommended', '1:2024:creating', '1:2024:named', '1:2025:eliminated', '2:2026:recommended']);
    await given.then({ [DEMONSTRATION_POINTS]: docs as never });
  });
});
