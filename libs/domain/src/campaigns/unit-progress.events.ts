import { DomainEvent } from '../shared/decider';

export interface ExcusedMembers {
  /** 流动党员, 年老体弱, 因病... as the unit reports it. */
  readonly reason: string;
  readonly count: number;
}

export type UnitStage = 'in_phase' | 'consolidation' | 'summary' | 'concluded';

type Ids = { campaignId: string; unitId: string };

export type StepRecorded = DomainEvent<
  'StepRecorded',
  Ids & { phaseKey: string; stepKey: string; evidence: string; attachmentRef: string | null; quantity: number | null }
>;
export type ParticipationRecorded = DomainEvent<
  'ParticipationRecorded',
  Ids & { shouldAttend: number; attended: number; excused: ExcusedMembers[] }
>;
export type TransitionApplied = DomainEvent<'TransitionApplied', Ids & { phaseKey: string; appliedBy: string; note: string }>;
export type TransitionApproved = DomainEvent<
  'TransitionApproved',
  Ids & { phaseKey: string; approvedBy: string; comment: string; nextPhaseKey: string | null; nextStage: UnitStage }
>;
export type TransitionRejected = DomainEvent<
  'TransitionRejected',
  Ids & { phaseKey: string; rejectedBy: string; reason: string }
>;
export type UnitConcluded = DomainEvent<
  'UnitConcluded',
  Ids & { summary: string; outcome: string | null; concludedBy: string }
>;

export type UnitProgressEvent =
  | StepRecorded
  | ParticipationRecorded
  | TransitionApplied
  | TransitionApproved
  | TransitionRejected
  | UnitConcluded;

export const UNIT_PROGRESS_EVENT_TYPES: UnitProgressEvent['type'][] = [
  'StepRecorded',
  'ParticipationRecorded',
  'TransitionApplied',
  'TransitionApproved',
  'TransitionRejected',
  'UnitConcluded',
];

export const progressStreamId = (campaignId: string, unitId: string) => `progress-${campaignId}.${unitId}`;
