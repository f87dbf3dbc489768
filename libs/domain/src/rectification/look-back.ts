import { hasRole } from '../shared/actor';
import { refuse } from '../shared/domain-error';
import { ProblemCommandOf } from './problem.commands';
import { ProblemRebounded, RecheckHeld } from './problem.events';
import { involvedUnitIds, ProblemState } from './problem-state';
import { requireProblem, requireText } from './problem-rules';

type Recheck = ProblemCommandOf<'RecheckProblem'>;

/**
 * Inspectors and the office re-check anything. A unit may admit its own rebound, but "it held"
 * about its own work needs someone from outside, as 验收 does.
 */
function requireRechecker(c: Recheck, s: ProblemState): void {
  const ownUnit = !!c.actor.unitId && involvedUnitIds(s).includes(c.actor.unitId);
  if (!hasRole(c.actor, 'inspector', 'office')) {
    if (!hasRole(c.actor, 'operator')) refuse('role_not_allowed', '只有督导组、活动办公室或责任单位可以复查 (inspector, office or unit)');
    if (!ownUnit) refuse('not_responsible_unit', '只能复查本单位的问题 (not the responsible unit)');
  }
  if (ownUnit && c.outcome === 'held') {
    refuse('own_unit_recheck', '本单位不能自行认定整改成果巩固 (own unit cannot confirm it held)');
  }
}

export function recheckProblem(c: Recheck, s: ProblemState): RecheckHeld | ProblemRebounded {
  requireProblem(s);
  const lb = c.lookBack;
  if (!lb.launched) refuse('campaign_not_found', `活动 ${lb.campaignId} 不存在 (campaign not found)`);
  if (lb.kind !== 'look-back') refuse('not_look_back_campaign', '只有“回头看”活动可以复查已销号问题 (not a look-back campaign)');
  if (lb.parentCampaignId !== s.campaignId) {
    refuse('not_parent_campaign', '该问题不属于本次“回头看”所复查的活动 (problem is not from the parent campaign)', {
      parentCampaignId: lb.parentCampaignId,
      campaignId: s.campaignId,
    });
  }
  if (s.status !== 'closed') refuse('not_closed', '只能复查已销号的问题 (only closed problems are re-checked)', { status: s.status });
  const cycle = s.current.number;
  if (s.rechecks.some((r) => r.lookBackCampaignId === lb.campaignId && r.cycle === cycle)) {
    refuse('already_rechecked', '本次“回头看”已复查过该问题 (already re-checked in this look-back)');
  }
  requireRechecker(c, s);
  const finding = requireText(c.finding, 'finding_required', '请填写复查情况 (finding is required)');
  const base = { problemId: s.problemId, lookBackCampaignId: lb.campaignId, finding, checkedBy: c.actor.userId };
  if (c.outcome === 'held') return { type: 'RecheckHeld', data: { ...base, cycle } };
  if (c.outcome === 'rebounded') return { type: 'ProblemRebounded', data: { ...base, previousCycle: cycle, cycle: cycle + 1 } };
  return refuse('outcome_invalid', `复查结论无效: ${String(c.outcome)} (outcome must be held or rebounded)`);
}
