import { Calendar, DAY } from './calendar';
import { CityPlan, PlannedUnit } from './city-plan';
import { DemoAction, DemoOp } from './operations';
import { DemoPeople } from './people';
import { rngFor } from './random';

/** About one problem in fifty draws a leader's instruction, and about one contact point in ten; never more than these. */
const PROBLEM_SHARE = 0.02;
const CONTACT_POINT_SHARE = 0.1;
const MAX_EACH = 30;

const ON_PROBLEM = ['请抓紧整改，按期报告整改结果', '此问题群众反映强烈，务必限期解决', '请举一反三，建立长效机制，防止反弹', '请主要负责同志亲自过问，尽快办结'];
const ON_POINT = ['请把联系点的整改工作抓实抓细', '联系点要在学习教育中走在前列', '请认真对照群众意见逐条整改'];
const REPORTS = ['已召开专题会议研究部署，整改措施已落实', '已按批示要求完成整改，并向群众公开', '已建立制度，明确专人负责，持续跟踪'];

/**
 * Leaders' instructions (批示) in the demo city: on some registered problems by a leader over the
 * problem's county (or the city), and on some leaders' contact points; the addressed unit's liaison
 * signs for each within days and mostly reports back. Derived from the main scenario's own requests
 * (problems, users), so it stays deterministic for a seed.
 */
export function planInstructions(seed: number, plan: CityPlan, people: DemoPeople, cal: Calendar, main: readonly DemoAction[], latest: number): DemoAction[] {
  const rng = rngFor(seed, 'instructions');
  const units = new Map<string, PlannedUnit>([...plan.grassroots, ...plan.newOrganizations].map((u) => [u.unitId, u]));
  const leadersOver = (unit: PlannedUnit) => people.leaders.filter((l) => l.scopeUnitIds[0] === plan.city.unitId || l.scopeUnitIds[0] === unit.countyId);
  const out: DemoAction[] = [];
  let seq = main.reduce((max, a) => Math.max(max, a.seq), 0) + 1;
  const emit = (at: number, by: string, op: DemoOp) => at < latest && out.push({ at: Math.round(at), seq: seq++, by, op }) > 0;
  let counter = 0;

  const instruct = (at: number, leader: string, target: { kind: 'problem' | 'unit'; id: string }, unitId: string, text: string) => {
    const liaison = people.operatorOf.get(unitId);
    if (!liaison) return;
    const instructionId = `instr-${String(++counter).padStart(4, '0')}`;
    const deadline = cal.date(at + rng.int(15, 30) * DAY);
    if (!emit(at, leader, { type: 'IssueInstruction', body: { instructionId, targetKind: target.kind, targetId: target.id, text, addressedUnitIds: [unitId], deadline } })) return;
    // A working moment of a later day: never before the instruction itself.
    const signed = cal.workTime(at + rng.int(1, 3) * DAY, rng);
    if (!emit(signed, liaison, { type: 'AcknowledgeInstruction', instructionId, unitId, body: { note: rng.chance(0.5) ? '已收到，立即研究落实' : '' } })) return;
    if (rng.chance(0.8)) emit(cal.workTime(signed + rng.int(3, 14) * DAY, rng), liaison, { type: 'ReportOnInstruction', instructionId, unitId, body: { report: rng.pick(REPORTS) } });
  };

  const problems = main.flatMap((a) => (a.op.type === 'RegisterProblem' ? [{ at: a.at, body: a.op.body }] : []));
  // At least one even in the smallest city, so that every kind of request is in every city.
  const picked = rng.shuffle([...problems]).slice(0, Math.min(MAX_EACH, Math.max(1, Math.round(problems.length * PROBLEM_SHARE))));
  for (const p of picked.sort((a, b) => a.at - b.at)) {
    const unit = units.get(p.body.responsibleUnitId);
    const leaders = unit ? leadersOver(unit) : [];
    if (!unit || leaders.length === 0) continue;
    instruct(cal.workTime(p.at + rng.int(2, 10) * DAY, rng), rng.pick(leaders).userId, { kind: 'problem', id: p.body.problemId }, unit.unitId, rng.pick(ON_PROBLEM));
  }

  const start = main.find((a) => a.op.type === 'LaunchCampaign')?.at ?? latest;
  const withPoints = people.leaders.filter((l) => (l.contactPointUnitIds ?? []).length > 0);
  for (const leader of rng.shuffle([...withPoints]).slice(0, Math.min(MAX_EACH, Math.round(withPoints.length * CONTACT_POINT_SHARE)))) {
    const point = (leader.contactPointUnitIds as string[])[0];
    instruct(cal.workTime(start + rng.int(14, 120) * DAY, rng), leader.userId, { kind: 'unit', id: point }, point, rng.pick(ON_POINT));
  }
  return out;
}
