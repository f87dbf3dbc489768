import { DomainEvent } from '../shared/decider';

/** What a leader's instruction (批示) is written on. */
export const INSTRUCTION_TARGET_KINDS = ['problem', 'unit', 'notice'] as const;
export type InstructionTargetKind = (typeof INSTRUCTION_TARGET_KINDS)[number];

export const INSTRUCTION_TARGET_NAMES: Record<InstructionTargetKind, string> = { problem: '问题', unit: '组织', notice: '通报' };

export interface InstructionTarget {
  readonly kind: InstructionTargetKind;
  readonly id: string;
  /** The units the target concerns (a problem's, the unit itself, a notice's subtree): whose auditors see the instruction. */
  readonly unitIds: string[];
}

export type InstructionIssued = DomainEvent<
  'InstructionIssued',
  {
    instructionId: string;
    target: InstructionTarget;
    text: string;
    /** The units that must acknowledge it and report back (批示落实单位). */
    addressedUnitIds: string[];
    /** YYYY-MM-DD, when a report back is due; null when the leader set none. */
    deadline: string | null;
    issuedBy: string;
  }
>;
export type InstructionAcknowledged = DomainEvent<'InstructionAcknowledged', { instructionId: string; unitId: string; note: string; acknowledgedBy: string }>;
export type InstructionReported = DomainEvent<'InstructionReported', { instructionId: string; unitId: string; report: string; reportedBy: string }>;

export type InstructionEvent = InstructionIssued | InstructionAcknowledged | InstructionReported;

export const INSTRUCTION_EVENT_TYPES: InstructionEvent['type'][] = ['InstructionIssued', 'InstructionAcknowledged', 'InstructionReported'];

export const instructionStreamId = (instructionId: string) => `instruction-${instructionId}`;
