import { CommandContext, hasRole } from '../shared/actor';
import { checkedText } from '../shared/checked-text';
import { isIsoDate } from '../shared/dates';
import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { InstructionEvent, InstructionTarget, INSTRUCTION_TARGET_NAMES } from './instruction.events';

/** An addressed unit as the tree has it now; null when there is no such unit. */
export type AddressedUnitFacts = { readonly open: boolean } | null;

/** How many units one instruction may name: a leader instructs the units concerned, not the whole city. */
export const MAX_ADDRESSED_UNITS = 50;

export type InstructionCommand = CommandContext & { instructionId: string } & (
    | {
        type: 'IssueInstruction';
        /** The target as found (its units filled in); null when nothing of that kind has that id. */
        target: InstructionTarget | null;
        targetRef: { kind: InstructionTarget['kind']; id: string };
        text: string;
        addressedUnitIds: string[];
        addressedUnits: Record<string, AddressedUnitFacts>;
        deadline: string | null;
      }
    | { type: 'AcknowledgeInstruction'; unitId: string; note: string }
    | { type: 'ReportOnInstruction'; unitId: string; report: string }
  );

export type AddressedUnitStatus = 'pending' | 'acknowledged' | 'reported';

export interface InstructionState {
  readonly issued: boolean;
  readonly target: InstructionTarget | null;
  readonly deadline: string | null;
  readonly issuedBy: string | null;
  /** Per addressed unit: where it stands, and how many reports it sent. */
  readonly units: Readonly<Record<string, { status: AddressedUnitStatus; reports: number }>>;
}

const initialState = (): InstructionState => ({ issued: false, target: null, deadline: null, issuedBy: null, units: {} });

// The liaison of an addressed unit or the office over it carries an instruction out; a leader gives them.
const CARRIERS = ['operator', 'office', 'admin'] as const;

function decideIssue(c: Extract<InstructionCommand, { type: 'IssueInstruction' }>, s: InstructionState): InstructionEvent[] {
  if (!hasRole(c.actor, 'leader', 'office', 'admin')) refuse('role_not_allowed', '只有领导或活动办公室可以作出批示 (leader or office)');
  if (s.issued) refuse('instruction_exists', `批示 ${c.instructionId} 已存在 (instruction exists)`, { instructionId: c.instructionId });
  if (!c.target) {
    refuse('target_not_found', `${INSTRUCTION_TARGET_NAMES[c.targetRef.kind] ?? '对象'} ${c.targetRef.id} 不存在 (target not found)`, { kind: c.targetRef.kind, id: c.targetRef.id });
  }
  const text = checkedText(c.text, 'text', '批示内容', { required: true, multiline: true });
  const ids = c.addressedUnitIds ?? [];
  if (ids.length === 0) refuse('addressees_required', '请选择批示落实单位 (addressedUnitIds is required)');
  if (ids.length > MAX_ADDRESSED_UNITS) refuse('addressees_too_many', `落实单位不能超过 ${MAX_ADDRESSED_UNITS} 个 (addressedUnitIds ≤ ${MAX_ADDRESSED_UNITS})`, { max: MAX_ADDRESSED_UNITS });
  if (new Set(ids).size !== ids.length) refuse('addressees_duplicate', '落实单位重复 (addressedUnitIds repeat a unit)');
  for (const unitId of ids) {
    const unit = c.addressedUnits[unitId];
    if (!unit) refuse('unit_not_found', `组织 ${unitId} 不存在 (unit not found)`, { unitId });
    if (!unit.open) refuse('unit_closed', `组织 ${unitId} 已撤销 (unit closed)`, { unitId });
  }
  if (c.deadline !== null) {
    if (!isIsoDate(c.deadline) || c.deadline.length !== 10) refuse('deadline_invalid', '办理时限应为日期 YYYY-MM-DD (deadline)');
    if (c.deadline < c.at.slice(0, 10)) refuse('deadline_past', '办理时限不能早于今天 (deadline is in the past)', { today: c.at.slice(0, 10) });
  }
  return [{ type: 'InstructionIssued', data: { instructionId: c.instructionId, target: c.target, text, addressedUnitIds: [...ids], deadline: c.deadline, issuedBy: c.actor.userId } }];
}

/** The unit carrying the instruction out: issued, addressed to it, and asked by someone who works for it. */
function carrier(c: CommandContext & { unitId: string }, s: InstructionState): { status: AddressedUnitStatus } {
  if (!s.issued) refuse('instruction_not_found', '批示不存在 (instruction not found)');
  if (!hasRole(c.actor, ...CARRIERS)) refuse('role_not_allowed', '只有落实单位的联络员或活动办公室可以办理批示 (liaison or office)');
  const unit = s.units[c.unitId];
  if (!unit) refuse('unit_not_addressed', `批示未交 ${c.unitId} 办理 (unit not addressed)`, { unitId: c.unitId });
  return unit;
}

function decide(c: InstructionCommand, s: InstructionState): InstructionEvent[] {
  switch (c.type) {
    case 'IssueInstruction':
      return decideIssue(c, s);
    case 'AcknowledgeInstruction': {
      if (carrier(c, s).status !== 'pending') refuse('already_acknowledged', '该单位已签收此批示 (already acknowledged)', { unitId: c.unitId });
      const note = checkedText(c.note, 'note', '签收意见', { multiline: true });
      return [{ type: 'InstructionAcknowledged', data: { instructionId: c.instructionId, unitId: c.unitId, note, acknowledgedBy: c.actor.userId } }];
    }
    case 'ReportOnInstruction': {
      // Signing for it comes first: a report on an instruction nobody signed for would leave no trace of who took it on.
      if (carrier(c, s).status === 'pending') refuse('not_acknowledged', '请先签收批示再报告落实情况 (acknowledge first)', { unitId: c.unitId });
      const report = checkedText(c.report, 'report', '落实情况', { required: true, multiline: true, max: 5000 });
      return [{ type: 'InstructionReported', data: { instructionId: c.instructionId, unitId: c.unitId, report, reportedBy: c.actor.userId } }];
    }
    default:
      return assertNever(c);
  }
}

function evolve(s: InstructionState, e: InstructionEvent): InstructionState {
  switch (e.type) {
    case 'InstructionIssued':
      return {
        issued: true,
        target: e.data.target,
        deadline: e.data.deadline,
        issuedBy: e.data.issuedBy,
        units: Object.fromEntries(e.data.addressedUnitIds.map((u) => [u, { status: 'pending' as const, reports: 0 }])),
      };
    case 'InstructionAcknowledged':
      return { ...s, units: { ...s.units, [e.data.unitId]: { status: 'acknowledged', reports: 0 } } };
    case 'InstructionReported': {
      const before = s.units[e.data.unitId];
      return { ...s, units: { ...s.units, [e.data.unitId]: { status: 'reported', reports: (before?.reports ?? 0) + 1 } } };
    }
    default:
      return assertNever(e);
  }
}

export const instructionDecider: Decider<InstructionCommand, InstructionState, InstructionEvent> = { decide, evolve, initialState };
