import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { CommandContext, hasRole } from '../shared/actor';
import { CampaignTemplate, phaseOf } from './campaign-template';
import { ExcusedMembers, UnitProgressEvent, UnitStage } from './unit-progress.events';

/** What the handler knows of the campaign when it sends a unit's command. */
export interface CampaignFacts {
  readonly campaignId: string;
  readonly launched: boolean;
  readonly enrolled: boolean;
  readonly template: CampaignTemplate | null;
}

type Base = CommandContext & { campaign: CampaignFacts; unitId: string };

export type UnitProgressCommand = Base &
  (
    | {
        type: 'RecordStep';
        phaseKey: string;
        stepKey: string;
        evidence: string;
        attachmentRef: string | null;
        quantity: number | null;
      }
    | { type: 'RecordParticipation'; shouldAttend: number; attended: number; excused: readonly ExcusedMembers[] }
    | { type: 'ApplyForTransition'; phaseKey: string; note: string }
    | { type: 'ApproveTransition'; phaseKey: string; comment: string }
    | { type: 'RejectTransition'; phaseKey: string; reason: string }
    | { type: 'ConcludeUnit'; summary: string; outcome: string | null }
  );

export interface StepDone {
  readonly evidence: string;
  readonly attachmentRef: string | null;
  readonly quantity: number | null;
}

export interface UnitProgressState {
  readonly phaseIndex: number;
  readonly stage: UnitStage;
  readonly steps: Readonly<Record<string, Readonly<Record<string, StepDone>>>>;
  readonly participation: { shouldAttend: number; attended: number; excused: readonly ExcusedMembers[] } | null;
  readonly transition:
    | { readonly status: 'none' }
    | { readonly status: 'pending'; readonly phaseKey: string; readonly appliedBy: string }
    | { readonly status: 'rejected'; readonly phaseKey: string; readonly reason: string };
  readonly outcome: string | null;
}

const initialState = (): UnitProgressState => ({
  phaseIndex: 0,
  stage: 'in_phase',
  steps: {},
  participation: null,
  transition: { status: 'none' },
  outcome: null,
});

function requireEnrolled(c: Base): CampaignTemplate {
  if (!c.campaign.launched || !c.campaign.template) refuse('campaign_not_found', `活动 ${c.campaign.campaignId} 不存在 (campaign not found)`);
  if (!c.campaign.enrolled) refuse('unit_not_enrolled', `组织 ${c.unitId} 未参加本活动 (unit not enrolled)`);
  return c.campaign.template;
}

/** The phase the unit is in; a command about any other phase is refused with the reason. */
function requireCurrentPhase(t: CampaignTemplate, s: UnitProgressState, phaseKey: string): void {
  if (s.stage !== 'in_phase') refuse('phases_completed', '该组织已完成全部阶段 (all phases are completed)');
  const index = t.phases.findIndex((p) => p.key === phaseKey);
  if (index < 0) refuse('phase_not_found', `阶段 ${phaseKey} 不在活动模板中 (phase not found)`, { phaseKey });
  if (index > s.phaseIndex) {
    refuse('phase_not_entered', `尚未进入“${t.phases[index].name}”阶段 (phase not entered)`, {
      phaseKey,
      currentPhaseKey: t.phases[s.phaseIndex].key,
    });
  }
  if (index < s.phaseIndex) refuse('phase_already_passed', `“${t.phases[index].name}”阶段已转段 (phase already passed)`, { phaseKey });
}

function requireReviewer(c: Base, s: UnitProgressState, phaseKey: string): string {
  if (!hasRole(c.actor, 'inspector', 'office')) {
    refuse('reviewer_role_required', '只有督导组或活动办公室可以审批转段 (only a supervision group or the office reviews)');
  }
  if (s.transition.status !== 'pending' || s.transition.phaseKey !== phaseKey) {
    refuse('no_pending_application', '没有待审批的转段申请 (no pending transition application)', { phaseKey });
  }
  if (s.transition.appliedBy === c.actor.userId) {
    refuse('own_application', '不能审批自己提交的转段申请 (cannot review own application)');
  }
  return c.actor.userId;
}

function decide(c: UnitProgressCommand, s: UnitProgressState): UnitProgressEvent[] {
  const t = requireEnrolled(c);
  const ids = { campaignId: c.campaign.campaignId, unitId: c.unitId };
  switch (c.type) {
    case 'RecordStep': {
      requireCurrentPhase(t, s, c.phaseKey);
      const step = phaseOf(t, c.phaseKey)?.steps.find((x) => x.key === c.stepKey);
      if (!step) refuse('step_not_found', `步骤 ${c.stepKey} 不属于该阶段 (step not in phase)`, { stepKey: c.stepKey });
      if (s.transition.status === 'pending') refuse('transition_pending', '转段申请审批中，不能再记录步骤 (transition pending)');
      if (s.steps[c.phaseKey]?.[c.stepKey]) refuse('step_already_recorded', `“${step.name}”已记录 (step already recorded)`);
      if (!c.evidence.trim()) refuse('evidence_required', '请填写完成情况说明 (evidence is required)');
      if (step.measure && !(c.quantity !== null && c.quantity > 0)) {
        refuse('quantity_required', `“${step.name}”须填写${step.measure === 'hours' ? '学时' : '人数'} (quantity > 0)`);
      }
      return [
        {
          type: 'StepRecorded',
          data: {
            ...ids,
            phaseKey: c.phaseKey,
            stepKey: c.stepKey,
            evidence: c.evidence.trim(),
            attachmentRef: c.attachmentRef,
            quantity: step.measure ? c.quantity : null,
          },
        },
      ];
    }
    case 'RecordParticipation': {
      if (s.stage === 'concluded') refuse('unit_concluded', '该组织活动已结束 (unit concluded)');
      const excusedTotal = c.excused.reduce((n, e) => n + e.count, 0);
      const ints = [c.shouldAttend, c.attended, ...c.excused.map((e) => e.count)];
      if (ints.some((n) => !Number.isInteger(n) || n < 0)) refuse('counts_invalid', '人数必须是非负整数 (shouldAttend, attended, excused[].count must be integers ≥ 0)');
      if (c.shouldAttend === 0) refuse('should_attend_zero', '应参学人数不能为 0 (shouldAttend > 0)');
      if (c.excused.some((e) => !e.reason.trim() || e.count === 0)) refuse('excused_reason_required', '请假人员须注明原因和人数 (excused[].reason and excused[].count are required)');
      if (c.attended + excusedTotal > c.shouldAttend) {
        refuse('counts_exceed', '实参学人数与请假人数之和超过应参学人数 (attended + excused > shouldAttend)', {
          shouldAttend: c.shouldAttend,
          attended: c.attended,
          excused: excusedTotal,
        });
      }
      return [
        {
          type: 'ParticipationRecorded',
          data: { ...ids, shouldAttend: c.shouldAttend, attended: c.attended, excused: c.excused.map((e) => ({ reason: e.reason.trim(), count: e.count })) },
        },
      ];
    }
    case 'ApplyForTransition': {
      requireCurrentPhase(t, s, c.phaseKey);
      if (s.transition.status === 'pending') refuse('transition_pending', '已提交转段申请，等待审批 (already pending)');
      const phase = t.phases[s.phaseIndex];
      const done = s.steps[phase.key] ?? {};
      const missing = phase.steps.filter((x) => x.required && !done[x.key]);
      if (missing.length > 0) {
        refuse('required_steps_missing', `尚有必做步骤未完成: ${missing.map((m) => m.name).join('、')} (required steps missing)`, {
          missing: missing.map((m) => m.key),
        });
      }
      return [{ type: 'TransitionApplied', data: { ...ids, phaseKey: c.phaseKey, appliedBy: c.actor.userId, note: c.note.trim() } }];
    }
    case 'ApproveTransition': {
      const by = requireReviewer(c, s, c.phaseKey);
      const next = t.phases[s.phaseIndex + 1] ?? null;
      const nextStage: UnitStage = next ? 'in_phase' : t.consolidation ? 'consolidation' : 'summary';
      return [
        {
          type: 'TransitionApproved',
          data: { ...ids, phaseKey: c.phaseKey, approvedBy: by, comment: c.comment.trim(), nextPhaseKey: next?.key ?? null, nextStage },
        },
      ];
    }
    case 'RejectTransition': {
      const by = requireReviewer(c, s, c.phaseKey);
      if (!c.reason.trim()) refuse('reason_required', '退回转段申请须说明理由 (reason is required)');
      return [{ type: 'TransitionRejected', data: { ...ids, phaseKey: c.phaseKey, rejectedBy: by, reason: c.reason.trim() } }];
    }
    case 'ConcludeUnit': {
      if (s.stage === 'concluded') refuse('unit_concluded', '该组织活动已结束 (already concluded)');
      if (s.stage === 'in_phase') refuse('phases_not_completed', '各阶段尚未全部完成，不能总结 (phases not completed)');
      if (!hasRole(c.actor, 'inspector', 'office')) refuse('reviewer_role_required', '只有督导组或活动办公室可以确认总结 (reviewer role required)');
      if (!c.summary.trim()) refuse('summary_required', '请填写总结 (summary is required)');
      const outcomes = t.outcomes.map((o) => o.key);
      if (outcomes.length > 0 && !outcomes.includes(c.outcome ?? '')) {
        refuse('outcome_required', `请选择结果: ${t.outcomes.map((o) => `${o.key}(${o.name})`).join(', ')} (outcome)`, { outcomes });
      }
      if (outcomes.length === 0 && c.outcome) refuse('outcome_not_allowed', '该活动的总结不选择结果 (no outcome for this template)');
      return [
        { type: 'UnitConcluded', data: { ...ids, summary: c.summary.trim(), outcome: c.outcome ?? null, concludedBy: c.actor.userId } },
      ];
    }
    default:
      return assertNever(c);
  }
}

function evolve(s: UnitProgressState, e: UnitProgressEvent): UnitProgressState {
  switch (e.type) {
    case 'StepRecorded': {
      const d = e.data;
      const phase = { ...(s.steps[d.phaseKey] ?? {}), [d.stepKey]: { evidence: d.evidence, attachmentRef: d.attachmentRef, quantity: d.quantity } };
      return { ...s, steps: { ...s.steps, [d.phaseKey]: phase } };
    }
    case 'ParticipationRecorded':
      return { ...s, participation: { shouldAttend: e.data.shouldAttend, attended: e.data.attended, excused: e.data.excused } };
    case 'TransitionApplied':
      return { ...s, transition: { status: 'pending', phaseKey: e.data.phaseKey, appliedBy: e.data.appliedBy } };
    case 'TransitionApproved':
      return {
        ...s,
        phaseIndex: e.data.nextPhaseKey ? s.phaseIndex + 1 : s.phaseIndex,
        stage: e.data.nextStage,
        transition: { status: 'none' },
      };
    case 'TransitionRejected':
      return { ...s, transition: { status: 'rejected', phaseKey: e.data.phaseKey, reason: e.data.reason } };
    case 'UnitConcluded':
      return { ...s, stage: 'concluded', outcome: e.data.outcome };
    default:
      return assertNever(e);
  }
}

export const unitProgressDecider: Decider<UnitProgressCommand, UnitProgressState, UnitProgressEvent> = {
  decide,
  evolve,
  initialState,
};
