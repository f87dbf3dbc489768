import { GradeCounts, SatisfactionStanding, UnitStage } from '@platform/domain';
import { campaignUnitId } from '../shared/campaign-unit-id';

export const BOARD_CAMPAIGNS = 'board_campaigns';
export const BOARD_UNITS = 'board_units';

export interface BoardPhase {
  readonly key: string;
  readonly name: string;
  readonly requiredStepKeys: string[];
}

/**
 * What the board needs of a campaign, copied from its launch (the template as it was then).
 * Documents are type aliases, not interfaces, so they stay assignable to the store's JSON documents.
 */
export type BoardCampaignDoc = {
  readonly _id: string;
  readonly campaignId: string;
  readonly name: string;
  readonly batch: number;
  readonly templateKey: string;
  readonly templateName: string;
  readonly kind: string;
  readonly parentCampaignId: string | null;
  readonly phases: BoardPhase[];
  readonly satisfactionThreshold: number;
  readonly enrolledCount: number;
  readonly launchedAt: string;
};

export interface BoardTransition {
  readonly status: 'none' | 'pending' | 'rejected';
  readonly phaseKey: string | null;
  readonly reason: string | null;
}

export interface BoardSatisfaction {
  readonly standing: SatisfactionStanding;
  /** Rounds opened so far; a second one is a make-up (补课) round. */
  readonly rounds: number;
  readonly openRound: number | null;
  /** Running tally of the open round: shown, but not yet a result. */
  readonly openCounts: GradeCounts | null;
  readonly lastClosed: { round: number; counts: GradeCounts; threshold: number; passed: boolean } | null;
}

/** One enrolled unit's progress in one campaign: `_id` is `<campaignId>.<unitId>`. */
export type BoardUnitDoc = {
  readonly _id: string;
  readonly campaignId: string;
  readonly unitId: string;
  readonly stage: UnitStage;
  readonly phaseIndex: number;
  /** The current phase; the last one once every phase is passed. */
  readonly phaseKey: string | null;
  readonly stepsDone: Record<string, string[]>;
  readonly requiredDone: number;
  readonly requiredTotal: number;
  readonly transition: BoardTransition;
  readonly participation: { shouldAttend: number; attended: number; excused: number } | null;
  readonly satisfaction: BoardSatisfaction;
  readonly outcome: string | null;
};

export const boardUnitId = campaignUnitId;
