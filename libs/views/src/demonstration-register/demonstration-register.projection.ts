import { DEMONSTRATION_POINT_EVENT_TYPES, DemonstrationLevel, DemonstrationPointEvent, DemonstrationStage, UnitType } from '@platform/domain';
import { documentProjection, Projection } from '@platform/read-models';

export const DEMONSTRATION_POINTS = 'demonstration-points';

export interface DemonstrationStep {
  readonly cycle: number;
  readonly year: number;
  readonly stage: DemonstrationStage;
  readonly passed: boolean | null;
  readonly score: number | null;
  readonly periodId: string | null;
  readonly note: string;
  readonly by: string;
}

/** 示范点名册: one unit's place in the programme, with every step of every cycle. */
export interface DemonstrationPointDoc {
  readonly _id: string;
  readonly unitId: string;
  readonly pointType: UnitType;
  readonly level: DemonstrationLevel;
  readonly stage: DemonstrationStage;
  readonly cycle: number;
  readonly since: number;
  readonly lastAssessedYear: number | null;
  /** The year the next assessment or review is due; null once out of the programme. */
  readonly dueYear: number | null;
  readonly reviewEveryYears: number | null;
  readonly history: DemonstrationStep[];
}

type Data = DemonstrationPointEvent['data'];
type Of<T extends DemonstrationPointEvent['type']> = Extract<DemonstrationPointEvent, { type: T }>['data'];

/** Versioned, so the register as of a past moment is a query, not a replay. */
export const demonstrationRegisterProjection: Projection<Data> = {
  ...documentProjection<DemonstrationPointDoc, Data>({
    name: 'demonstration-register',
    version: 1,
    collection: DEMONSTRATION_POINTS,
    handles: DEMONSTRATION_POINT_EVENT_TYPES,
    indexes: { stage: 'scalar', pointType: 'scalar', level: 'scalar', dueYear: 'scalar' },
    id: (e) => e.data.unitId,
    evolve: (current, e) => {
      switch (e.type) {
        case 'DemonstrationPointRecommended': {
          const d = e.data as Of<'DemonstrationPointRecommended'>;
          const step: DemonstrationStep = { cycle: d.cycle, year: d.year, stage: 'recommended', passed: null, score: null, periodId: null, note: d.reason, by: d.recommendedBy };
          return {
            _id: d.unitId,
            unitId: d.unitId,
            pointType: d.pointType,
            level: d.level,
            stage: 'recommended',
            cycle: d.cycle,
            since: d.year,
            lastAssessedYear: null,
            dueYear: null,
            reviewEveryYears: null,
            history: [...(current?.history ?? []), step],
          };
        }
        case 'DemonstrationRecommendationDecided': {
          const d = e.data as Of<'DemonstrationRecommendationDecided'>;
          if (!current) return null;
          const stage: DemonstrationStage = d.confirmed ? 'creating' : 'declined';
          const step: DemonstrationStep = { cycle: d.cycle, year: current.since, stage, passed: null, score: null, periodId: null, note: d.reason, by: d.decidedBy };
          return { ...current, stage, dueYear: d.confirmed ? current.since : null, history: [...current.history, step] };
        }
        case 'DemonstrationPointAssessed': {
          const d = e.data as Of<'DemonstrationPointAssessed'>;
          if (!current) return null;
          const stage: DemonstrationStage = d.outcome === 'eliminated' ? 'eliminated' : d.outcome === 'named' ? 'named' : 'improving';
          const step: DemonstrationStep = { cycle: d.cycle, year: d.year, stage, passed: d.passed, score: d.score, periodId: d.periodId, note: d.note, by: d.assessedBy };
          const dueYear = stage === 'eliminated' ? null : d.year + (stage === 'named' ? 1 : (d.reviewEveryYears ?? 1));
          return { ...current, stage, lastAssessedYear: d.year, reviewEveryYears: d.reviewEveryYears, dueYear, history: [...current.history, step] };
        }
        default:
          return current;
      }
    },
  }),
  versioned: [DEMONSTRATION_POINTS],
};
