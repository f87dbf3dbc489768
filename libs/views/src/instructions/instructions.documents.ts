import type { AddressedUnitStatus, InstructionTarget } from '@platform/domain';

export const INSTRUCTIONS = 'instructions';

export interface InstructionReportView {
  readonly report: string;
  readonly reportedBy: string;
  readonly reportedAt: string;
}

export interface AddressedUnitView {
  readonly unitId: string;
  readonly status: AddressedUnitStatus;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
  readonly note: string | null;
  readonly reports: InstructionReportView[];
}

/** One instruction (批示) with where each addressed unit stands. */
export interface InstructionDoc {
  readonly _id: string;
  readonly instructionId: string;
  readonly target: InstructionTarget;
  /** `kind:id`, what a target's page filters on. */
  readonly targetKey: string;
  readonly text: string;
  readonly deadline: string | null;
  readonly issuedBy: string;
  readonly issuedAt: string;
  readonly position: number;
  readonly addressedUnitIds: string[];
  /** The target's units and the addressed ones: whose scope sees it. */
  readonly unitIds: string[];
  /** Addressed units that have not reported yet. */
  readonly openUnitIds: string[];
  /** Some addressed unit has not reported yet. */
  readonly open: boolean;
  readonly units: AddressedUnitView[];
}

export const targetKey = (kind: string, id: string) => `${kind}:${id}`;
