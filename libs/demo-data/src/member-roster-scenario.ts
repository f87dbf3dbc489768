import { Calendar, DAY, HOUR, MINUTE } from './calendar';
import { CityPlan, PlannedUnit } from './city-plan';
import { personName } from './names';
import { DemoAction, DemoOp } from './operations';
import { DemoPeople } from './people';
import { Rng, rngFor } from './random';

/** The share of grassroots branches keeping their roster in the platform (a sample, not the city), and at least this many. */
const ROSTER_SHARE = 0.06;
const ROSTER_MIN = 8;
/** Steps the sampled branches record participation for, by member, from their roster. */
const ROSTER_STEPS = ['mobilization_meeting', 'centralized_study'];

/**
 * The roster's proportions follow the participation the scenario reports for every unit (流动党员
 * and 外出务工 among the excused; more of them in the countryside); a few members are lost and
 * sought (查找党员), most of them found, some transferred out or deceased during the campaign.
 */
const MOBILE_SHARE = { rural: 0.1, other: 0.05 };
const LOST_SHARE = 0.02;
const FOUND_SHARE = 0.6;
const TRANSFER_SHARE = 0.01;
const DECEASED_SHARE = 0.004;
const ELDERLY_EXCUSED = 0.04;
const ABSENT = 0.02;

const WORKPLACES = ['广东省深圳市某电子厂', '广东省东莞市某制衣厂', '浙江省杭州市某物流公司', '上海市某建筑工地', '长沙市某餐饮店', '广州市某汽配厂', '江苏省苏州市某工业园'];
const SEARCH_METHODS = ['联系家属', '电话联系', '发函至流入地党组织', '走访原工作单位', '网上查询'];
const SEARCH_RESULTS = ['家属称其在外务工，未留联系方式', '电话停机', '已取得联系，本人承诺按时参加组织生活', '原单位称已离职', '流入地党组织未找到其组织关系'];

interface Member {
  readonly memberId: string;
  status: 'active' | 'mobile' | 'missing' | 'gone';
}

/**
 * 党员名册 for a deterministic sample of the campaign's branches: each branch's liaison imports
 * the roster right after the mobilization meeting, records by member who took part in two study
 * steps, and keeps the roster up to date (transfers, deaths, members going out to work) and the
 * search cases of members lost. Every request goes through the same use cases as over HTTP.
 */
export function memberRosterActions(seed: number, plan: CityPlan, people: DemoPeople, cal: Calendar, campaignId: string, scheduled: readonly DemoAction[], latest: number, firstSeq: number): DemoAction[] {
  const pick = rngFor(seed, 'member-roster', 'sample');
  const candidates = plan.grassroots.filter((u) => u.level === 'branch' && !u.isNew && u.members > 0 && people.operatorOf.has(u.unitId));
  const branches = pick.shuffle([...candidates]).slice(0, Math.max(ROSTER_MIN, Math.round(candidates.length * ROSTER_SHARE)));
  const stepsAt = new Map<string, number>();
  for (const a of scheduled) {
    if (a.op.type === 'RecordStep' && a.op.campaignId === campaignId && ROSTER_STEPS.includes(a.op.body.stepKey)) stepsAt.set(`${a.op.unitId}/${a.op.body.stepKey}`, a.at);
  }
  const actions: DemoAction[] = [];
  let seq = firstSeq;
  const emit = (at: number, by: string, op: DemoOp): boolean => {
    if (!(at < latest)) return false;
    actions.push({ at: Math.round(at), seq: seq++, by, op });
    return true;
  };
  for (const unit of branches) {
    const started = stepsAt.get(`${unit.unitId}/${ROSTER_STEPS[0]}`);
    if (started === undefined) continue;
    branchRoster(unit, people.operatorOf.get(unit.unitId)!, rngFor(seed, 'member-roster', unit.unitId), cal, campaignId, started, stepsAt, emit);
  }
  return actions;
}

function branchRoster(
  unit: PlannedUnit,
  liaison: string,
  rng: Rng,
  cal: Calendar,
  campaignId: string,
  started: number,
  stepsAt: ReadonlyMap<string, number>,
  emit: (at: number, by: string, op: DemoOp) => boolean,
): void {
  const mobileShare = unit.unitType === 'rural' ? MOBILE_SHARE.rural : MOBILE_SHARE.other;
  const members: Member[] = [];
  const rows = ['党员编号,姓名,状态,流入地'];
  for (let i = 1; i <= unit.members; i++) {
    const memberId = `m${String(i).padStart(3, '0')}`;
    const mobile = rng.chance(mobileShare);
    members.push({ memberId, status: mobile ? 'mobile' : 'active' });
    rows.push(`${memberId},${personName(rng)},${mobile ? '流动党员' : '正常'},${mobile ? rng.pick(WORKPLACES) : ''}`);
  }
  const importedAt = started + rng.int(20, 90) * MINUTE;
  if (!emit(importedAt, liaison, { type: 'ImportMembers', unitId: unit.unitId, body: { csv: rows.join('\n') } })) return;

  for (const stepKey of ROSTER_STEPS) {
    const at = stepsAt.get(`${unit.unitId}/${stepKey}`);
    if (at === undefined) continue;
    const attended: string[] = [];
    const excused: { memberId: string; reason: string }[] = [];
    for (const m of members) {
      if (m.status === 'mobile') excused.push({ memberId: m.memberId, reason: '流动党员外出务工' });
      else if (rng.chance(ELDERLY_EXCUSED)) excused.push({ memberId: m.memberId, reason: '年老体弱' });
      else if (!rng.chance(ABSENT)) attended.push(m.memberId);
    }
    emit(Math.max(at, importedAt) + rng.int(30, 180) * MINUTE, liaison, { type: 'RecordMemberParticipation', campaignId, unitId: unit.unitId, body: { stepKey, attended, excused } });
  }

  // After the study steps: the roster kept up to date, and lost members sought.
  const after = Math.max(importedAt, ...ROSTER_STEPS.map((s) => stepsAt.get(`${unit.unitId}/${s}`) ?? 0)) + 4 * HOUR;
  let caseNo = 0;
  for (const m of members) {
    // Office hours, local: the liaison keeps the roster during the working day.
    const day = cal.at(cal.dayOf(after) + rng.int(1, 60), rng.int(9, 16), rng.int(0, 59));
    if (rng.chance(TRANSFER_SHARE)) {
      const body = { to: 'transferred_out' as const, toUnit: '外县某乡镇党委', effectiveOn: cal.date(day), reason: '组织关系转接' };
      if (emit(day, liaison, { type: 'ChangeMemberStatus', unitId: unit.unitId, memberId: m.memberId, body })) m.status = 'gone';
    } else if (rng.chance(DECEASED_SHARE)) {
      if (emit(day, liaison, { type: 'ChangeMemberStatus', unitId: unit.unitId, memberId: m.memberId, body: { to: 'deceased', effectiveOn: cal.date(day), reason: '因病去世' } })) m.status = 'gone';
    } else if (m.status === 'active' && rng.chance(mobileShare / 4)) {
      if (emit(day, liaison, { type: 'ChangeMemberStatus', unitId: unit.unitId, memberId: m.memberId, body: { to: 'mobile', workplace: rng.pick(WORKPLACES), effectiveOn: cal.date(day) } })) m.status = 'mobile';
    } else if (rng.chance(LOST_SHARE)) {
      seekMember(unit.unitId, m, `case-${unit.unitId}-${++caseNo}`, liaison, rng, cal, day, emit);
    }
  }
}

/** 查找党员: a case opened, one to three attempts a few weeks apart, and most found; the rest still sought. */
function seekMember(unitId: string, m: Member, caseId: string, liaison: string, rng: Rng, cal: Calendar, opened: number, emit: (at: number, by: string, op: DemoOp) => boolean): void {
  const lostSince = cal.date(opened - rng.int(200, 900) * DAY);
  if (!emit(opened, liaison, { type: 'OpenMemberSearch', unitId, memberId: m.memberId, body: { caseId, lastKnown: '外出务工后与支部失去联系', lostSince } })) return;
  m.status = 'missing';
  let at = opened;
  const attempts = rng.int(1, 3);
  for (let i = 1; i <= attempts; i++) {
    at += rng.int(5, 20) * DAY;
    const body = { attemptId: `a${i}`, on: cal.date(at), method: rng.pick(SEARCH_METHODS), result: rng.pick(SEARCH_RESULTS) };
    if (!emit(at, liaison, { type: 'RecordSearchAttempt', unitId, memberId: m.memberId, body })) return;
  }
  if (!rng.chance(FOUND_SHARE)) return;
  at += rng.int(3, 15) * DAY;
  const mobile = rng.chance(0.7);
  const body = mobile
    ? { outcome: 'found' as const, to: 'mobile' as const, workplace: rng.pick(WORKPLACES), on: cal.date(at), note: '已取得联系，按流动党员管理' }
    : { outcome: 'found' as const, to: 'active' as const, on: cal.date(at), note: '已返乡，恢复正常组织生活' };
  if (emit(at, liaison, { type: 'CloseMemberSearch', unitId, memberId: m.memberId, body })) m.status = mobile ? 'mobile' : 'active';
}
