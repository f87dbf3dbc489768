import { DomainEvent } from '../shared/decider';
import { UnitType } from '../organizations/organization-types';

export const DEMONSTRATION_LEVELS = ['city', 'county'] as const;
export type DemonstrationLevel = (typeof DEMONSTRATION_LEVELS)[number];

/**
 * The life of a demonstration point (示范点) as the seed lays it down: recommended, confirmed as a
 * creating unit (创建单位), named after passing year one, raised to 全面建设提高 after passing year
 * two, then reviewed every one or two years (年检年审); any failed assessment eliminates (淘汰).
 */
export const DEMONSTRATION_STAGES = ['none', 'recommended', 'declined', 'creating', 'named', 'improving', 'eliminated'] as const;
export type DemonstrationStage = (typeof DEMONSTRATION_STAGES)[number];

export const DEMONSTRATION_STAGE_NAMES: Record<DemonstrationStage, string> = {
  none: '未推荐',
  recommended: '已推荐',
  declined: '未确定',
  creating: '创建单位',
  named: '正式示范点',
  improving: '全面建设提高',
  eliminated: '已淘汰',
};

export type DemonstrationOutcome = 'named' | 'improving' | 'kept' | 'eliminated';

type Unit = { unitId: string };

export type DemonstrationPointRecommended = DomainEvent<
  'DemonstrationPointRecommended',
  Unit & { cycle: number; year: number; level: DemonstrationLevel; pointType: UnitType; reason: string; recommendedBy: string }
>;
export type DemonstrationRecommendationDecided = DomainEvent<
  'DemonstrationRecommendationDecided',
  Unit & { cycle: number; confirmed: boolean; reason: string; decidedBy: string }
>;
export type DemonstrationPointAssessed = DomainEvent<
  'DemonstrationPointAssessed',
  Unit & {
    cycle: number;
    year: number;
    passed: boolean;
    /** The score from the assessment period that applied the creation standards, when there was one. */
    score: number | null;
    periodId: string | null;
    note: string;
    from: DemonstrationStage;
    outcome: DemonstrationOutcome;
    /** Years until the next review once the point reaches 全面建设提高. */
    reviewEveryYears: number | null;
    assessedBy: string;
  }
>;

export type DemonstrationPointEvent = DemonstrationPointRecommended | DemonstrationRecommendationDecided | DemonstrationPointAssessed;

export const DEMONSTRATION_POINT_EVENT_TYPES: DemonstrationPointEvent['type'][] = [
  'DemonstrationPointRecommended',
  'DemonstrationRecommendationDecided',
  'DemonstrationPointAssessed',
];

export const demonstrationPointStreamId = (unitId: string) => `demonstration-point-${unitId}`;
