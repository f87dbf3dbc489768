import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { CommandContext } from '../shared/actor';
import { CampaignTemplate, validateTemplate } from './campaign-template';
import {
  CampaignEvent,
  CampaignLaunched,
  CampaignScope,
  PlannedPhase,
  WarningThresholds,
} from './campaign.events';
import { UNIT_ID_PATTERN } from '../organizations/organization-types';
import { UnitFacts } from '../organizations/organization.decider';

export interface ParentCampaignFacts {
  readonly campaignId: string;
  readonly launched: boolean;
  readonly templateKind: CampaignTemplate['kind'] | null;
}

export type CampaignCommand = CommandContext &
  (
    | {
        type: 'LaunchCampaign';
        campaignId: string;
        name: string;
        templateKey: string;
        template: CampaignTemplate | null;
        batch: number;
        parentCampaignId: string | null;
        parent: ParentCampaignFacts | null;
        scope: CampaignScope;
        /** Listed units, or the units of the subtree (the root included), as found in the tree. */
        units: readonly UnitFacts[];
        plannedPhases: readonly PlannedPhase[];
        warningThresholds: WarningThresholds;
        satisfactionThreshold: number;
      }
    | { type: 'EnrollUnits'; units: readonly UnitFacts[] }
  );

export interface CampaignState {
  readonly launched: boolean;
  readonly campaignId: string;
  readonly name: string;
  readonly template: CampaignTemplate | null;
  readonly batch: number;
  readonly parentCampaignId: string | null;
  readonly enrolled: Readonly<Record<string, true>>;
  readonly plannedPhases: readonly PlannedPhase[];
  readonly warningThresholds: WarningThresholds | null;
  readonly satisfactionThreshold: number | null;
}

const initialState = (): CampaignState => ({
  launched: false,
  campaignId: '',
  name: '',
  template: null,
  batch: 0,
  parentCampaignId: null,
  enrolled: {},
  plannedPhases: [],
  warningThresholds: null,
  satisfactionThreshold: null,
});

function checkUnits(units: readonly UnitFacts[]): void {
  const missing = units.filter((u) => !u.exists).map((u) => u.unitId);
  if (missing.length > 0) refuse('unit_not_found', `组织不存在: ${missing.join(', ')} (unit not found)`, { unitIds: missing });
  const closed = units.filter((u) => u.closed).map((u) => u.unitId);
  if (closed.length > 0) {
    refuse('unit_closed', `已撤销的组织不能参加活动: ${closed.join(', ')} (closed units cannot be enrolled)`, {
      unitIds: closed,
    });
  }
}

function checkPlan(template: CampaignTemplate, planned: readonly PlannedPhase[]): void {
  const keys = template.phases.map((p) => p.key);
  if (planned.length !== keys.length || planned.some((p, i) => p.phaseKey !== keys[i])) {
    refuse('plan_phases_mismatch', `计划阶段必须依次为: ${keys.join(', ')} (plannedPhases must follow the template)`, {
      expected: keys,
    });
  }
  planned.forEach((p, i) => {
    if (Date.parse(p.end) < Date.parse(p.start)) {
      refuse('plan_end_before_start', `阶段 ${p.phaseKey} 的结束日期早于开始日期 (plannedPhases: end before start)`, { phaseKey: p.phaseKey });
    }
    const prev = planned[i - 1];
    if (prev && Date.parse(p.start) < Date.parse(prev.start)) {
      refuse('plan_out_of_order', `阶段 ${p.phaseKey} 开始早于上一阶段 (plannedPhases out of order)`, { phaseKey: p.phaseKey });
    }
  });
}

function checkThresholds(w: WarningThresholds, satisfaction: number): void {
  if (!(Number.isInteger(w.greenDays) && Number.isInteger(w.yellowDays) && w.yellowDays >= 0 && w.greenDays > w.yellowDays)) {
    refuse('warning_thresholds_invalid', '预警天数须为整数且绿色 > 黄色 ≥ 0 (greenDays > yellowDays ≥ 0)');
  }
  if (!(satisfaction > 0 && satisfaction <= 1)) {
    refuse('satisfaction_threshold_invalid', '满意率门槛须在 0 到 1 之间 (0 < satisfactionThreshold ≤ 1)');
  }
}

function launch(c: Extract<CampaignCommand, { type: 'LaunchCampaign' }>, s: CampaignState): CampaignLaunched {
  if (s.launched) refuse('campaign_exists', `活动 ${c.campaignId} 已启动 (campaign already launched)`);
  if (!UNIT_ID_PATTERN.test(c.campaignId)) refuse('campaign_id_invalid', '活动编码只能包含字母、数字、- 和 _ (campaignId)');
  if (!c.name.trim()) refuse('name_required', '活动名称不能为空 (name is required)');
  const t = c.template;
  if (!t) refuse('template_not_found', `活动模板 ${c.templateKey} 不存在 (template not found)`);
  const problems = validateTemplate(t);
  if (problems.length > 0) refuse('template_invalid', `活动模板无效: ${problems.join('; ')}`);
  if (!Number.isInteger(c.batch) || c.batch < 1) refuse('batch_invalid', '批次必须是正整数 (batch ≥ 1)');
  if (t.requiresParent) {
    if (!c.parentCampaignId) refuse('parent_campaign_required', `${t.name}必须关联原活动 (parentCampaignId is required)`);
    if (!c.parent?.launched) refuse('parent_campaign_not_found', `原活动 ${c.parentCampaignId} 不存在 (parent campaign not found)`);
    if (c.parent.templateKind !== 'education') {
      refuse('parent_campaign_kind', '“回头看”只能关联一次教育活动 (a look-back follows an education campaign)');
    }
  } else if (c.parentCampaignId) {
    refuse('parent_campaign_not_allowed', `${t.name}不关联原活动 (template takes no parent campaign)`);
  }
  checkThresholds(c.warningThresholds, c.satisfactionThreshold);
  let enrolled = c.units;
  if ('subtreeRootId' in c.scope) {
    const rootId = c.scope.subtreeRootId;
    const root = c.units.find((u) => u.unitId === rootId);
    if (!root?.exists) refuse('unit_not_found', `活动范围的根组织 ${rootId} 不存在 (subtree root not found)`);
    if (root.closed) refuse('unit_closed', `活动范围的根组织 ${rootId} 已撤销 (subtree root is closed)`);
    // Closed units inside a subtree are history, not refusals: they are left out.
    enrolled = c.units.filter((u) => u.exists && !u.closed);
  } else {
    checkUnits(c.units);
  }
  if (enrolled.length === 0) refuse('scope_empty', '活动范围内没有组织 (scope has no units)');
  checkPlan(t, c.plannedPhases);
  return {
    type: 'CampaignLaunched',
    data: {
      campaignId: c.campaignId,
      name: c.name.trim(),
      template: t,
      batch: c.batch,
      parentCampaignId: c.parentCampaignId,
      scope: c.scope,
      enrolledUnitIds: [...new Set(enrolled.map((u) => u.unitId))],
      plannedPhases: [...c.plannedPhases],
      warningThresholds: c.warningThresholds,
      satisfactionThreshold: c.satisfactionThreshold,
    },
  };
}

function decide(command: CampaignCommand, state: CampaignState): CampaignEvent[] {
  switch (command.type) {
    case 'LaunchCampaign':
      return [launch(command, state)];
    case 'EnrollUnits': {
      if (!state.launched) refuse('campaign_not_found', '活动不存在 (campaign not found)');
      if (command.units.length === 0) refuse('units_required', '至少指定一个组织 (unitIds must name at least one unit)');
      checkUnits(command.units);
      const already = command.units.filter((u) => state.enrolled[u.unitId]).map((u) => u.unitId);
      if (already.length > 0) refuse('already_enrolled', `组织已参加本活动: ${already.join(', ')} (already enrolled)`);
      return [
        { type: 'UnitsEnrolled', data: { campaignId: state.campaignId, unitIds: [...new Set(command.units.map((u) => u.unitId))] } },
      ];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: CampaignState, event: CampaignEvent): CampaignState {
  switch (event.type) {
    case 'CampaignLaunched': {
      const d = event.data;
      return {
        launched: true,
        campaignId: d.campaignId,
        name: d.name,
        template: d.template,
        batch: d.batch,
        parentCampaignId: d.parentCampaignId,
        enrolled: Object.fromEntries(d.enrolledUnitIds.map((id) => [id, true as const])),
        plannedPhases: d.plannedPhases,
        warningThresholds: d.warningThresholds,
        satisfactionThreshold: d.satisfactionThreshold,
      };
    }
    case 'UnitsEnrolled':
      return {
        ...state,
        enrolled: { ...state.enrolled, ...Object.fromEntries(event.data.unitIds.map((id) => [id, true as const])) },
      };
    default:
      return assertNever(event);
  }
}

export const campaignDecider: Decider<CampaignCommand, CampaignState, CampaignEvent> = {
  decide,
  evolve,
  initialState,
};
