import { DomainEvent } from '../shared/decider';
import { CampaignTemplate } from './campaign-template';

export interface PlannedPhase {
  readonly phaseKey: string;
  readonly start: string;
  readonly end: string;
}

export type CampaignScope = { readonly unitIds: readonly string[] } | { readonly subtreeRootId: string };

/** Deadline warning thresholds in days left: green at ≤ greenDays, yellow at ≤ yellowDays, red when overdue. */
export interface WarningThresholds {
  readonly greenDays: number;
  readonly yellowDays: number;
}

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = { greenDays: 20, yellowDays: 10 };
/** Share of 满意 + 比较满意 + 基本满意 a unit needs to pass its satisfaction evaluation. */
export const DEFAULT_SATISFACTION_THRESHOLD = 0.8;

export type CampaignLaunched = DomainEvent<
  'CampaignLaunched',
  {
    campaignId: string;
    name: string;
    /** The template as it was at launch: later edits of the template never rewrite this campaign. */
    template: CampaignTemplate;
    batch: number;
    parentCampaignId: string | null;
    scope: CampaignScope;
    enrolledUnitIds: string[];
    plannedPhases: PlannedPhase[];
    warningThresholds: WarningThresholds;
    satisfactionThreshold: number;
  }
>;
export type UnitsEnrolled = DomainEvent<'UnitsEnrolled', { campaignId: string; unitIds: string[] }>;

export type CampaignEvent = CampaignLaunched | UnitsEnrolled;

export const campaignStreamId = (campaignId: string) => `campaign-${campaignId}`;
