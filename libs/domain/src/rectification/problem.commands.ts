import { CommandContext } from '../shared/actor';
import { CampaignTemplate } from '../campaigns/campaign-template';
import { WarningThresholds } from '../campaigns/campaign.events';
import { UnitFacts } from '../organizations/organization.decider';
import { ProblemPeople } from './problem.events';
import { ProblemSource, TimingClass } from './problem-vocabulary';

/** What the handler knows of the campaign a problem is registered in (or re-checked by). */
export interface ProblemCampaignFacts {
  readonly campaignId: string;
  readonly launched: boolean;
  readonly kind: CampaignTemplate['kind'] | null;
  /** For a look-back, the campaign whose closed problems it re-checks. */
  readonly parentCampaignId: string | null;
}

/** What the handler found in the organization tree (and the campaign) about a unit. */
export interface ProblemUnitFacts extends UnitFacts {
  /** Enrolled in the problem's campaign. */
  readonly enrolled: boolean;
}

export interface CoordinatorFacts extends UnitFacts {
  /** 上级党委: the coordinator must sit above the responsible unit in the tree. */
  readonly isAncestorOfResponsibleUnit: boolean;
}

export interface JointPartRequest {
  readonly partId: string;
  readonly unit: UnitFacts;
  readonly description: string;
  readonly deadline: string;
}

export type RegisterProblem = {
  type: 'RegisterProblem';
  problemId: string;
  campaign: ProblemCampaignFacts;
  responsibleUnit: ProblemUnitFacts;
  source: ProblemSource;
  category: string;
  description: string;
  people: ProblemPeople;
  discoveredAt: string;
};

export type ProblemCommand = CommandContext &
  (
    | RegisterProblem
    | { type: 'PlanRectification'; measures: readonly string[]; timing: TimingClass; deadline: string | null }
    | { type: 'PublishPlan' }
    | { type: 'RecordProgress'; note: string; attachmentRefs: readonly string[] }
    | { type: 'ChangeDeadline'; deadline: string; reason: string }
    | { type: 'ClaimFixed'; evidence: string; attachmentRefs: readonly string[] }
    | { type: 'AcceptFix'; comment: string }
    | { type: 'RejectFix'; reason: string }
    | { type: 'CloseProblem'; mechanisms: string | null }
    | {
        type: 'DeferProblem';
        constraint: string;
        explanation: { text: string; date: string };
        reReviewDate: string;
        gradualMeasures: readonly string[];
      }
    | { type: 'ReviewDeferral'; finding: string; reReviewDate: string }
    | { type: 'ResumeRectification'; note: string; deadline: string | null }
    | { type: 'EscalateToJoint'; coordinator: CoordinatorFacts; reason: string; parts: readonly JointPartRequest[] }
    | { type: 'RecordPartProgress'; partId: string; note: string; attachmentRefs: readonly string[] }
    | { type: 'ChangePartDeadline'; partId: string; deadline: string; reason: string }
    | { type: 'ClosePart'; partId: string; evidence: string }
    | { type: 'NoteSupervision'; finding: string; demand: string; dueBy: string }
    | { type: 'RecheckProblem'; lookBack: ProblemCampaignFacts; outcome: 'held' | 'rebounded'; finding: string }
    | {
        type: 'RaiseWarning';
        /** The calendar day of the office running the check (its time zone, not UTC's). */
        today: string;
        /** The campaign's thresholds, as launched. */
        thresholds: WarningThresholds;
        /** null for the problem's own deadline, else a joint part's. */
        partId: string | null;
      }
  );

export type ProblemCommandOf<T extends ProblemCommand['type']> = Extract<ProblemCommand, { type: T }>;
