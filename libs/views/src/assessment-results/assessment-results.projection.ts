import { ASSESSMENT_EVENT_TYPES, AssessmentEvent } from '@platform/domain';
import type { StoredEvent } from '@platform/event-store';
import { DocumentWrite, Projection, ProjectionContext, upsert } from '@platform/read-models';
import { ASSESSMENT_PERIODS, ASSESSMENT_UNITS, AssessmentPeriodDoc, AssessmentUnitDoc, assessmentUnitId, ScoreChange } from './assessment-results.documents';

type Data = AssessmentEvent['data'];
type Of<T extends AssessmentEvent['type']> = Extract<AssessmentEvent, { type: T }>['data'];

const emptyUnit = (periodId: string, unitId: string): AssessmentUnitDoc => ({
  _id: assessmentUnitId(periodId, unitId),
  periodId,
  unitId,
  selfTotal: null,
  total: null,
  byCriterion: null,
  marks: null,
  grade: null,
  rank: null,
  changes: [],
  appeals: [],
});

async function unitDoc(ctx: ProjectionContext, periodId: string, unitId: string): Promise<AssessmentUnitDoc> {
  return (await ctx.get<AssessmentUnitDoc>(ASSESSMENT_UNITS, assessmentUnitId(periodId, unitId))) ?? emptyUnit(periodId, unitId);
}

function change(e: StoredEvent<Data>, kind: ScoreChange['kind'], total: number, by: string, reason: string, criterionId: string | null = null): ScoreChange {
  return { kind, total, criterionId, by, reason, occurredAt: e.occurredAt, position: e.position };
}

/** 考核: each period's scheme and ranking, and each unit's score with who changed it and why. */
export const assessmentResultsProjection: Projection<Data> = {
  name: 'assessment-results',
  version: 1,
  collections: [ASSESSMENT_PERIODS, ASSESSMENT_UNITS],
  versioned: [ASSESSMENT_PERIODS, ASSESSMENT_UNITS],
  handles: ASSESSMENT_EVENT_TYPES,
  indexes: { [ASSESSMENT_PERIODS]: { unitIds: 'array', from: 'scalar' }, [ASSESSMENT_UNITS]: { periodId: 'scalar', unitId: 'scalar', rank: 'scalar' } },
  async evolve(e, ctx): Promise<DocumentWrite[]> {
    switch (e.type) {
      case 'AssessmentPeriodOpened': {
        const d = e.data as Of<'AssessmentPeriodOpened'>;
        const period: AssessmentPeriodDoc = {
          _id: d.periodId,
          periodId: d.periodId,
          title: d.title,
          from: d.from,
          to: d.to,
          schemeId: d.scheme.schemeId,
          schemeVersion: d.scheme.version,
          criteria: d.scheme.criteria,
          bands: d.scheme.bands,
          unitIds: d.unitIds,
          revision: 0,
          results: [],
          publishedAt: null,
        };
        return [upsert(ASSESSMENT_PERIODS, period), ...d.unitIds.map((u) => upsert(ASSESSMENT_UNITS, emptyUnit(d.periodId, u)))];
      }
      case 'SelfAssessmentSubmitted': {
        const d = e.data as Of<'SelfAssessmentSubmitted'>;
        const unit = await unitDoc(ctx, d.periodId, d.unitId);
        return [upsert(ASSESSMENT_UNITS, { ...unit, selfTotal: d.total, changes: [...unit.changes, change(e, 'self', d.total, d.submittedBy, d.note)] })];
      }
      case 'AssessmentScored':
      case 'AssessmentModerated': {
        const d = e.data as Of<'AssessmentScored'> | Of<'AssessmentModerated'>;
        const unit = await unitDoc(ctx, d.periodId, d.unitId);
        const entry =
          e.type === 'AssessmentScored'
            ? change(e, 'scored', d.total, (d as Of<'AssessmentScored'>).scoredBy, d.reason)
            : change(e, 'moderated', d.total, (d as Of<'AssessmentModerated'>).moderatedBy, d.reason, (d as Of<'AssessmentModerated'>).criterionId);
        return [upsert(ASSESSMENT_UNITS, { ...unit, total: d.total, byCriterion: d.byCriterion, marks: d.marks, changes: [...unit.changes, entry] })];
      }
      case 'AssessmentResultsPublished': {
        const d = e.data as Of<'AssessmentResultsPublished'>;
        const period = await ctx.get<AssessmentPeriodDoc>(ASSESSMENT_PERIODS, d.periodId);
        if (!period) return [];
        const writes: DocumentWrite[] = [upsert(ASSESSMENT_PERIODS, { ...period, revision: d.revision, results: d.results, publishedAt: period.publishedAt ?? e.occurredAt })];
        for (const r of d.results) {
          const unit = await unitDoc(ctx, d.periodId, r.unitId);
          writes.push(upsert(ASSESSMENT_UNITS, { ...unit, grade: r.grade, rank: r.rank }));
        }
        return writes;
      }
      case 'AssessmentAppealLodged': {
        const d = e.data as Of<'AssessmentAppealLodged'>;
        const unit = await unitDoc(ctx, d.periodId, d.unitId);
        return [upsert(ASSESSMENT_UNITS, { ...unit, appeals: [...unit.appeals, { appealId: d.appealId, reason: d.reason, lodgedAt: e.occurredAt, decision: null }] })];
      }
      case 'AssessmentAppealDecided': {
        const d = e.data as Of<'AssessmentAppealDecided'>;
        const unit = await unitDoc(ctx, d.periodId, d.unitId);
        const decision = { upheld: d.upheld, reason: d.reason, decidedAt: e.occurredAt };
        return [upsert(ASSESSMENT_UNITS, { ...unit, appeals: unit.appeals.map((a) => (a.appealId === d.appealId ? { ...a, decision } : a)) })];
      }
      default:
        return [];
    }
  },
};
