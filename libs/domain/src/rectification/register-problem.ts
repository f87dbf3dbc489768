import { hasRole } from '../shared/actor';
import { daysBetween } from '../shared/dates';
import { refuse } from '../shared/domain-error';
import { UNIT_ID_PATTERN } from '../organizations/organization-types';
import { ProblemCommandOf } from './problem.commands';
import { ProblemRegistered } from './problem.events';
import { ProblemState } from './problem-state';
import { requireDate, requireText } from './problem-rules';
import { INSPECTOR_SOURCES, PROBLEM_SOURCE_NAMES, PROBLEM_SOURCES } from './problem-vocabulary';

type Register = ProblemCommandOf<'RegisterProblem'>;

/** A unit records its own problems; an inspection team records what it found; the office anything. */
function requireRegistrar(c: Register): void {
  if (hasRole(c.actor, 'office')) return;
  if (hasRole(c.actor, 'inspector')) {
    if (!INSPECTOR_SOURCES.includes(c.source)) {
      refuse('inspector_source', `督导组、巡视巡察组登记的问题来源只能是: ${INSPECTOR_SOURCES.map((x) => PROBLEM_SOURCE_NAMES[x]).join('、')} (inspector findings)`, {
        allowed: INSPECTOR_SOURCES,
      });
    }
    return;
  }
  if (!hasRole(c.actor, 'operator')) refuse('role_not_allowed', '只有联络员、督导组或活动办公室可以登记问题 (operator, inspector or office)');
  if (c.actor.unitId !== c.responsibleUnit.unitId) {
    refuse('not_responsible_unit', '联络员只能登记本单位的问题 (an operator registers own unit’s problems)', {
      responsibleUnitId: c.responsibleUnit.unitId,
    });
  }
}

export function registerProblem(c: Register, s: ProblemState): ProblemRegistered {
  if (s.exists) refuse('problem_exists', `问题 ${c.problemId} 已登记 (problem already registered)`);
  if (!UNIT_ID_PATTERN.test(c.problemId)) refuse('problem_id_invalid', '问题编号只能包含字母、数字、- 和 _ (problemId)');
  if (!c.campaign.launched) refuse('campaign_not_found', `活动 ${c.campaign.campaignId} 不存在 (campaign not found)`);
  if (!PROBLEM_SOURCES.includes(c.source)) refuse('source_invalid', `问题来源无效: ${String(c.source)} (source)`, { allowed: PROBLEM_SOURCES });
  if (c.source === 'look_back' && c.campaign.kind !== 'look-back') {
    refuse('look_back_source_outside_look_back', '来源为“回头看”的问题须登记在“回头看”活动中 (look_back source needs a look-back campaign)');
  }
  requireRegistrar(c);
  const unit = c.responsibleUnit;
  if (!unit.exists) refuse('unit_not_found', `组织 ${unit.unitId} 不存在 (unit not found)`, { unitId: unit.unitId });
  if (unit.closed) refuse('unit_closed', `组织 ${unit.unitId} 已撤销 (unit is closed)`, { unitId: unit.unitId });
  if (!unit.enrolled) refuse('unit_not_enrolled', `组织 ${unit.unitId} 未参加本活动 (unit not enrolled)`, { unitId: unit.unitId });
  const category = requireText(c.category, 'category_required', '请选择问题类别 (category is required)');
  const description = requireText(c.description, 'description_required', '请填写问题描述 (description is required)');
  const leader = requireText(c.people.responsibleLeader.name, 'responsible_leader_required', '请指定责任领导 (responsibleLeader.name is required)');
  const handler = requireText(c.people.handler.name, 'handler_required', '请指定经办人 (handler.name is required)');
  const discoveredAt = requireDate(c.discoveredAt, 'discoveredAt');
  if (daysBetween(c.at, discoveredAt) > 0) refuse('discovered_in_future', '发现日期不能晚于登记日期 (discoveredAt after now)');
  return {
    type: 'ProblemRegistered',
    data: {
      problemId: c.problemId,
      campaignId: c.campaign.campaignId,
      source: c.source,
      category,
      description,
      responsibleUnitId: unit.unitId,
      discoveredAt,
      people: {
        responsibleLeader: { name: leader, userId: c.people.responsibleLeader.userId },
        handler: { name: handler, userId: c.people.handler.userId },
      },
      registeredBy: c.actor.userId,
    },
  };
}
