import { findTemplate, GradeCounts, ProblemSource, SatisfactionGrade, TimingClass } from '@platform/domain';
import { planAssessments } from './assessment-scenario';
import { Calendar, DAY, HOUR, iso, MINUTE } from './calendar';
import { keyTaskScenario } from './key-task-scenario';
import { CityPlan, PlannedUnit } from './city-plan';
import { CITY, personName } from './names';
import { ANONYMOUS, DemoAction, DemoOp, SYSTEM } from './operations';
import { DEMO_PASSWORDS, DemoPeople, InspectionGroup, operatorBody } from './people';
import { apportion, quotaList, Rng, rngFor } from './random';
import { planNotices } from './scenario-notices';
import * as T from './texts';
import { supervisionNoteFor } from './supervision-scenario';
import { memberRosterActions } from './member-roster-scenario';

export const MAIN_CAMPAIGN_ID = 'advanced-edu-b2';
export const LOOK_BACK_CAMPAIGN_ID = 'look-back-b2';
export const MAIN_CAMPAIGN_NAME = `${CITY.name}第二批保持共产党员先进性教育活动`;
export const LOOK_BACK_CAMPAIGN_NAME = `${CITY.name}第二批先进性教育活动“回头看”`;

/** Where each enrolled unit stands at `now` in the main campaign. */
export type UnitTarget =
  | { kind: 'in_phase'; phase: 'study' | 'analysis' | 'rectification'; sub: 'steps' | 'pending' | 'rejected' }
  | { kind: 'consolidation' }
  | { kind: 'concluded' }
  | { kind: 'free' };

/** How a problem's story goes, if time allows before `now`. */
export type Fate =
  | 'identified'
  | 'planned'
  | 'ongoing'
  | 'by_deadline'
  | 'fixed'
  | 'verified'
  | 'closed'
  | 'closed_after_rejection'
  | 'deferred'
  | 'deferred_resumed'
  | 'joint_open'
  | 'joint_closed';

type DeadlineBucket = 'overdue' | 'yellow' | 'green' | 'far';

interface Milestones {
  start: number;
  soliciting?: number;
  democratic?: number;
  rectificationPlan?: number;
  planPublication?: number;
  consolidation?: number;
  concluded?: number;
  rectificationStart?: number;
  recheckStep?: number;
}

type Counts = { -readonly [K in keyof GradeCounts]: number };

interface Round {
  readonly unit: PlannedUnit;
  readonly round: number;
  readonly pass: boolean;
  readonly tallies: { counts: Counts }[];
  readonly singles: { grade: SatisfactionGrade }[];
  readonly evidence: { evidence: string }[];
  result: { rate: number } | null;
}

interface ProblemRecord {
  readonly problemId: string;
  readonly unit: PlannedUnit;
  closedAt: number | null;
  involved: string[];
}

/** Quotas of the main campaign's units by where they stand now (seed 004: most are consolidating). */
const TARGET_WEIGHTS = {
  study: 1.5,
  analysis: 4,
  rectification: 11.5,
  consolidation: 48,
  concluded: 35,
};
const SUB_WEIGHTS = { steps: 55, pending: 30, rejected: 15 };

const FATES_BY_STAGE: Record<'analysis' | 'rectification' | 'consolidation' | 'concluded', Partial<Record<Fate, number>>> = {
  analysis: { identified: 65, closed: 15, by_deadline: 12, planned: 8 },
  rectification: { closed: 33, closed_after_rejection: 2, fixed: 8, verified: 4, by_deadline: 20, ongoing: 12, planned: 6, deferred: 7, joint_open: 5, joint_closed: 1, identified: 2 },
  consolidation: { closed: 53, closed_after_rejection: 4, verified: 3, fixed: 4, by_deadline: 12, ongoing: 8, deferred: 6, deferred_resumed: 1, joint_open: 4, joint_closed: 3, planned: 2 },
  concluded: { closed: 70, closed_after_rejection: 5, ongoing: 7, deferred: 6, deferred_resumed: 2, joint_closed: 4, by_deadline: 3, fixed: 1, joint_open: 2 },
};
const BUCKET_WEIGHTS: Record<DeadlineBucket, number> = { overdue: 35, yellow: 20, green: 20, far: 25 };

export interface Scenario {
  readonly actions: DemoAction[];
  readonly targets: ReadonlyMap<string, UnitTarget>;
  readonly lookBackUnitIds: readonly string[];
  readonly latest: number;
}

/**
 * Writes the whole story of the city as requests in time order: users, the tree, the campaign
 * and every unit's steps, problems with their five kinds of handling, satisfaction rounds and a
 * look-back. Each script stops at `now`, so where a unit or problem stands is where its story got to.
 */
export function planScenario(seed: number, plan: CityPlan, people: DemoPeople, cal: Calendar): Scenario {
  return new ScenarioBuilder(seed, plan, people, cal).build();
}

class ScenarioBuilder {
  private readonly actions: DemoAction[] = [];
  private seq = 0;
  readonly latest: number;
  private readonly launch: number;
  private readonly milestones = new Map<string, Milestones>();
  private readonly targets = new Map<string, UnitTarget>();
  private readonly rounds: Round[] = [];
  private readonly problems: ProblemRecord[] = [];
  private readonly enrolledAt = new Map<string, number>();
  private readonly conclusions: { body: { summary: string }; unit: PlannedUnit; rng: Rng }[] = [];
  private problemCounter = 0;
  private singleBallotRounds = 0;
  private lookBackUnitIds: string[] = [];

  constructor(
    private readonly seed: number,
    private readonly plan: CityPlan,
    private readonly people: DemoPeople,
    private readonly cal: Calendar,
  ) {
    this.latest = cal.now - 10 * MINUTE;
    this.launch = cal.at(-205, 9, 30);
  }

  build(): Scenario {
    this.setUp();
    this.mainCampaign();
    this.assignBallots();
    this.lookBack();
    planAssessments({ seed: this.seed, plan: this.plan, people: this.people, cal: this.cal, emit: (at, by, op) => this.must(at, by, op) });
    this.actions.push(...memberRosterActions(this.seed, this.plan, this.people, this.cal, MAIN_CAMPAIGN_ID, this.actions, this.latest, this.seq));
    keyTaskScenario({ plan: this.plan, people: this.people, cal: this.cal, rng: (...key) => this.rng(...key), emit: (at, by, op) => this.emit(at, by, op) });
    for (const notice of planNotices(this.cal, MAIN_CAMPAIGN_ID, this.cal.dayOf(this.launch))) this.must(notice.at, this.people.office[0], notice.op);
    this.actions.sort((a, b) => a.at - b.at || a.seq - b.seq);
    return { actions: this.actions, targets: this.targets, lookBackUnitIds: this.lookBackUnitIds, latest: this.latest };
  }

  private rng(...key: (string | number)[]): Rng {
    return rngFor(this.seed, ...key);
  }

  /** Queues a request; false (and nothing queued) when its time has not come by `now`. */
  private emit(at: number, by: string, op: DemoOp): boolean {
    if (!(at < this.latest)) return false;
    this.actions.push({ at: Math.round(at), seq: this.seq++, by, op });
    return true;
  }

  private must(at: number, by: string, op: DemoOp): void {
    if (!this.emit(at, by, op)) throw new Error(`demo city: ${op.type} at ${iso(at)} is after now; the timeline is too short`);
  }

  private office(rng: Rng): string {
    return rng.pick(this.people.office);
  }

  private groupOf(unit: PlannedUnit): InspectionGroup {
    return this.people.supervisionGroupOf.get(unit.countyId!)!;
  }

  /** 转段 and 总结 are approved by the unit's supervision group, sometimes by the office. */
  private reviewer(unit: PlannedUnit, rng: Rng): string {
    return rng.chance(0.85) ? this.groupOf(unit).userId : this.office(rng);
  }

  /** 验收 and 销号 come from outside the units doing the work. */
  private verifier(unit: PlannedUnit, involved: readonly string[], rng: Rng): string {
    const roll = rng.next();
    const group = roll < 0.8 ? this.groupOf(unit) : roll < 0.9 ? rng.pick(this.people.roving) : null;
    if (group && !(group.ownUnitId && involved.includes(group.ownUnitId))) return group.userId;
    return this.office(rng);
  }

  private operator(unitId: string): string {
    const id = this.people.operatorOf.get(unitId);
    if (!id) throw new Error(`demo city: no operator for ${unitId}`);
    return id;
  }

  // ---------------------------------------------------------------- users, tree, launch

  private setUp(): void {
    const rng = this.rng('setup');
    const { plan, people, cal } = this;
    this.must(cal.at(-216, 9, 0), SYSTEM, { type: 'BootstrapAdmin', username: people.adminId, password: DEMO_PASSWORDS.admin });
    const officeCount = people.office.length;
    let t = cal.at(-216, 9, 12);
    people.initialUsers.slice(0, officeCount).forEach((body) => {
      this.must(t, people.adminId, { type: 'RegisterUser', body });
      t += rng.int(60, 240) * 1000;
    });
    const importRows = plan.imported.map((u) => ({
        unitId: u.unitId,
        name: u.name,
        level: u.level,
        unitType: u.unitType,
        parentId: u.parentId ?? '',
        memberCount: u.members - u.located,
      }));
    this.must(cal.at(-215, 10, 5), people.office[0], { type: 'ImportUnits', body: { units: importRows } });
    // The administrator then opens the accounts, one after another, in office hours.
    t = cal.at(-214, 8, 40);
    for (const body of people.initialUsers.slice(officeCount)) {
      this.must(t, people.adminId, { type: 'RegisterUser', body });
      t += Math.max(1000, Math.round((rng.int(12, 40) * 1000) / Math.max(1, this.plan.figures.leaders / 500)));
      if (cal.minuteOfDay(t) > 17 * 60 + 50) t = cal.at(cal.dayOf(t) + 1, 8, 30) + rng.int(0, 20) * MINUTE;
    }
    if (t > this.launch - DAY) throw new Error('demo city: too many accounts to open before the launch');
  }

  private plannedPhases(startDay: number, spans: readonly [number, number][]): { phaseKey: string; start: string; end: string }[] {
    const keys = ['study', 'analysis', 'rectification'];
    return spans.map(([from, to], i) => ({ phaseKey: keys[i], start: this.cal.dateOfDay(startDay + from), end: this.cal.dateOfDay(startDay + to) }));
  }

  private mainCampaign(): void {
    const { plan, people } = this;
    const rng = this.rng('main');
    const units = plan.grassroots;
    this.must(this.launch, people.office[0], {
      type: 'LaunchCampaign',
      body: {
        campaignId: MAIN_CAMPAIGN_ID,
        name: MAIN_CAMPAIGN_NAME,
        templateKey: 'advanced-education',
        batch: 2,
        unitIds: units.map((u) => u.unitId),
        plannedPhases: this.plannedPhases(-205, [[0, 30], [31, 60], [61, 105]]),
      },
    });
    units.forEach((u) => this.enrolledAt.set(u.unitId, this.launch));

    const kinds = quotaList(rng, units.length, TARGET_WEIGHTS);
    const inPhase = kinds.filter((k) => k === 'study' || k === 'analysis' || k === 'rectification').length;
    const subs = quotaList(rng, inPhase, SUB_WEIGHTS);
    let s = 0;
    const targets: UnitTarget[] = kinds.map((k) =>
      k === 'consolidation' || k === 'concluded' ? { kind: k } : { kind: 'in_phase', phase: k as 'study', sub: subs[s++] },
    );
    // 补课: a few units fail their first satisfaction round; most pass the second, some are still at it.
    const stuck = new Set<number>();
    const passedSecond = new Set<number>();
    const isRectSteps = (t: UnitTarget) => t.kind === 'in_phase' && t.phase === 'rectification' && t.sub === 'steps';
    const rectIdx = targets.map((t, i) => (isRectSteps(t) ? i : -1)).filter((i) => i >= 0);
    const laterIdx = kinds.map((k, i) => (k === 'consolidation' || k === 'concluded' ? i : -1)).filter((i) => i >= 0);
    rng.shuffle(rectIdx).slice(0, Math.max(1, Math.round(units.length * 0.01))).forEach((i) => stuck.add(i));
    rng.shuffle(laterIdx).slice(0, Math.max(1, Math.round(units.length * 0.015))).forEach((i) => passedSecond.add(i));
    // A past refusal of a transition is part of every city's history, however small.
    const refusedOnce = laterIdx.find((i) => !passedSecond.has(i));
    units.forEach((u, i) => {
      const target = targets[i];
      const makeUp = stuck.has(i) ? 'stuck' : passedSecond.has(i) ? 'passed' : 'none';
      this.targets.set(u.unitId, target);
      this.unitRun(u, target, makeUp, this.launch, i === refusedOnce ? 'analysis' : null);
    });

    // 新组建的基层党组织: created, given a liaison, enrolled, and started late.
    const newRng = this.rng('new-organizations');
    const days = plan.newOrganizations.map(() => newRng.int(-190, -25)).sort((a, b) => a - b);
    plan.newOrganizations.forEach((u, i) => {
      const created = this.cal.workTime(this.cal.at(days[i], 12), newRng);
      const officer = this.office(newRng);
      this.must(created, officer, {
        type: 'CreateUnit',
        body: { unitId: u.unitId, name: u.name, level: u.level, unitType: u.unitType, parentId: u.parentId!, memberCount: u.members - u.located },
      });
      this.must(created + newRng.int(10, 90) * MINUTE, people.adminId, { type: 'RegisterUser', body: operatorBody(u, this.rng('new-operator', u.unitId)) });
      const enrolled = this.cal.workTime(created + newRng.float(0.5, 5) * DAY, newRng);
      const at = Math.max(enrolled, created + 2 * HOUR);
      this.must(at, officer, { type: 'EnrollUnits', campaignId: MAIN_CAMPAIGN_ID, body: { unitIds: [u.unitId] } });
      this.enrolledAt.set(u.unitId, at);
      this.targets.set(u.unitId, { kind: 'free' });
      this.unitRun(u, { kind: 'free' }, 'none', at);
    });

    this.mainProblems();
  }

  // ---------------------------------------------------------------- one unit's progress

  private unitRun(u: PlannedUnit, target: UnitTarget, makeUp: 'none' | 'stuck' | 'passed', enrolled: number, refuse: string | null = null): void {
    const rng = this.rng('unit', u.unitId);
    const template = findTemplate('advanced-education')!;
    const reviewerFor = () => this.reviewer(u, rng);
    const op = this.operator(u.unitId);
    const branch = u.level === 'branch';
    const children = branch ? 0 : this.childLocated(u);

    type Item =
      | { k: 'step'; phase: string; step: string }
      | { k: 'member' }
      | { k: 'participation'; update: boolean }
      | { k: 'apply'; phase: string; again: boolean }
      | { k: 'reject'; phase: string }
      | { k: 'approve'; phase: string }
      | { k: 'open'; round: number }
      | { k: 'tally'; round: number; n: number }
      | { k: 'close'; round: number }
      | { k: 'conclude' };
    const items: { item: Item; gap: number; minutes?: boolean; fixed?: boolean }[] = [];
    const add = (item: Item, min: number, max: number, opts: { minutes?: boolean } = {}) => items.push({ item, gap: rng.float(min, max), ...opts });
    const forcedRejection = target.kind === 'in_phase' && target.sub === 'rejected' ? target.phase : null;
    const index: Record<string, number> = {};

    for (const phase of template.phases) {
      index[`${phase.key}:begin`] = items.length;
      const stepGaps: Record<string, [number, number]> = {
        mobilization_meeting: [0.5, 3], centralized_study: [4, 9], thematic_discussion: [3, 7], locating_members: [2, 6],
        soliciting_opinions: [1, 4], heart_to_heart_talks: [3, 7], party_spirit_analysis: [3, 6], organizational_life_meeting: [2, 6],
        democratic_appraisal: [2, 5], appraisal_report: [2, 5],
        rectification_plan: [1, 4], plan_publication: [1, 4], implementation: [10, 25], results_publication: [4, 10],
      };
      for (const step of phase.steps) {
        if (step.key === 'satisfaction_evaluation') {
          add({ k: 'open', round: 1 }, 1, 3);
          const tallies = rng.int(1, 3);
          for (let i = 0; i < tallies; i++) add({ k: 'tally', round: 1, n: i + 1 }, 0.3, 2);
          add({ k: 'close', round: 1 }, 0.2, 1.5);
          if (makeUp !== 'none') {
            add({ k: 'open', round: 2 }, 8, 20);
            add({ k: 'tally', round: 2, n: 1 }, 0.3, 2);
            if (makeUp === 'stuck') {
              index.end = items.length;
              break;
            }
            add({ k: 'close', round: 2 }, 0.2, 1.5);
          }
          add({ k: 'step', phase: phase.key, step: step.key }, 20, 240, { minutes: true });
          continue;
        }
        const [lo, hi] = stepGaps[step.key] ?? [1, 4];
        add({ k: 'step', phase: phase.key, step: step.key }, lo, hi);
        if (step.key === 'soliciting_opinions') index.soliciting = items.length - 1;
        if (step.key === 'democratic_appraisal') {
          index.democratic = items.length - 1;
          if (branch && rng.chance(0.2)) add({ k: 'participation', update: true }, 30, 300, { minutes: true });
        }
        if (step.key === 'rectification_plan') index.rectificationPlan = items.length - 1;
        if (step.key === 'plan_publication') index.planPublication = items.length - 1;
        if (step.key === 'locating_members' && branch) {
          if (u.located > 0) add({ k: 'member' }, 15, 120, { minutes: true });
          add({ k: 'participation', update: false }, 20, 180, { minutes: true });
        }
      }
      if (index.end !== undefined) break;
      index[`${phase.key}:apply`] = items.length;
      add({ k: 'apply', phase: phase.key, again: false }, 1, 4);
      if (forcedRejection === phase.key || refuse === phase.key || rng.chance(0.07)) {
        index[`${phase.key}:reject`] = items.length;
        add({ k: 'reject', phase: phase.key }, 1, 4);
        index[`${phase.key}:reapply`] = items.length;
        add({ k: 'apply', phase: phase.key, again: true }, 2, 6);
      }
      index[`${phase.key}:approve`] = items.length;
      add({ k: 'approve', phase: phase.key }, 0.5, 4);
    }
    if (index.end === undefined) {
      index.conclude = items.length;
      items.push({ item: { k: 'conclude' }, gap: rng.float(55, 90), fixed: true });
    }

    // Positions in nominal days, then a start and pace that put the unit where its target says at `now`.
    const pos: number[] = [];
    items.forEach((it, i) => pos.push((pos[i - 1] ?? 0) + (it.fixed ? 0 : it.minutes ? it.gap / 1440 : it.gap)));
    const earliest = enrolled + rng.float(0.3, 3) * DAY;
    const now = this.cal.now;
    let s0 = earliest;
    let f = 1;
    const fitCut = (cut: number) => {
      f = rng.float(1.0, 2.2);
      s0 = now - cut * f * DAY;
      if (s0 < earliest) {
        s0 = earliest;
        f = (now - s0) / (cut * DAY);
      }
    };
    const fitAnchor = (anchor: number, idx: number) => {
      s0 = earliest + rng.float(0, 3) * DAY;
      f = (anchor - s0) / (pos[idx] * DAY);
      if (f < 0.8) {
        f = rng.float(0.8, 1.1);
        s0 = anchor - pos[idx] * f * DAY;
        if (s0 < earliest) {
          s0 = earliest;
          f = Math.max(0.55, (anchor - s0) / (pos[idx] * DAY));
        }
      }
    };
    if (index.end !== undefined) {
      fitCut(pos[index.end - 1] + rng.float(0.5, 4));
    } else if (target.kind === 'in_phase') {
      const p = target.phase;
      let from: number;
      let to: number;
      if (target.sub === 'pending') {
        from = pos[(index[`${p}:reapply`] ?? index[`${p}:apply`])];
        to = pos[index[`${p}:approve`]];
      } else if (target.sub === 'rejected') {
        from = pos[index[`${p}:reject`]];
        to = pos[index[`${p}:reapply`]];
      } else {
        from = pos[index[`${p}:begin`]];
        to = pos[index[`${p}:apply`]];
      }
      fitCut(from + (to - from) * rng.float(0.1, 0.9));
    } else if (target.kind === 'consolidation') {
      fitAnchor(now - rng.float(3, items[index.conclude].gap - 2) * DAY, index['rectification:approve']);
    } else if (target.kind === 'concluded') {
      const gap = items[index.conclude].gap;
      const concluded = now - rng.float(1, 45) * DAY;
      fitAnchor(concluded - gap * DAY, index['rectification:approve']);
    } else {
      f = rng.float(1.0, 1.6);
    }

    // Times of each item: office hours, in order.
    const times: number[] = [];
    let prev = s0;
    items.forEach((it, i) => {
      let t: number;
      if (it.minutes) {
        t = prev + it.gap * MINUTE;
        // Late in the evening it waits for the next working day.
        if (this.cal.dayOf(t) !== this.cal.dayOf(prev) || this.cal.minuteOfDay(t) >= 23 * 60) t = this.cal.workTime(this.cal.at(this.cal.dayOf(prev) + 1, 12), rng);
      } else if (it.fixed) t = this.cal.workTime(prev + it.gap * DAY, rng);
      else t = this.cal.workTime(s0 + pos[i] * f * DAY, rng);
      if (t <= prev) t = this.cal.shortlyAfter(prev, rng, 15, 90);
      times.push(t);
      prev = t;
    });

    const m: Milestones = { start: s0 };
    this.milestones.set(u.unitId, m);
    const roundsByNumber = new Map<number, Round>();
    const ballotsOpen = new Map<number, number>();
    let satisfactionEvidence: { evidence: string } | null = null;
    const quantityOf = (step: string): number | undefined => {
      if (step === 'centralized_study') return rng.int(12, 40);
      if (step === 'locating_members') return branch ? Math.max(1, u.located) : Math.max(1, children);
      return undefined;
    };

    for (let i = 0; i < items.length; i++) {
      const { item } = items[i];
      const t = times[i];
      const next = times[i + 1] ?? t + 30 * DAY;
      let ok = true;
      switch (item.k) {
        case 'step': {
          const quantity = quantityOf(item.step);
          const evidence = T.stepEvidence(rng, item.step, { members: Math.max(3, u.members || 20), quantity: quantity ?? 0 });
          const body = { phaseKey: item.phase, stepKey: item.step, evidence, attachmentRef: T.attachment(rng, this.cal.date(t)), quantity, occurredAt: undefined as string | undefined };
          let exec = t;
          const roll = rng.next();
          if (roll < 0.02 && next - t > 2.5 * DAY) {
            exec = Math.min(this.cal.workTime(t + rng.float(1.3, 6) * DAY, rng), next - 30 * MINUTE);
          } else if (roll < 0.85) {
            exec = Math.min(t + rng.int(40, 420) * MINUTE, next - MINUTE, this.cal.at(this.cal.dayOf(t), 23, 0));
          }
          if (exec > t) body.occurredAt = iso(t);
          if (item.step === 'satisfaction_evaluation') satisfactionEvidence = body;
          ok = this.emit(Math.max(exec, t), op, { type: 'RecordStep', campaignId: MAIN_CAMPAIGN_ID, unitId: u.unitId, body: clean(body) });
          if (ok) {
            if (i === index.soliciting) m.soliciting = exec;
            if (i === index.democratic) m.democratic = exec;
            if (i === index.rectificationPlan) m.rectificationPlan = exec;
            if (i === index.planPublication) m.planPublication = exec;
          }
          break;
        }
        case 'member':
          ok = this.emit(t, op, { type: 'ChangeMemberCount', unitId: u.unitId, body: { memberCount: u.members } });
          break;
        case 'participation':
          ok = this.emit(t, op, { type: 'RecordParticipation', campaignId: MAIN_CAMPAIGN_ID, unitId: u.unitId, body: participation(u, rng, item.update) });
          break;
        case 'apply':
          ok = this.emit(t, op, { type: 'ApplyForTransition', campaignId: MAIN_CAMPAIGN_ID, unitId: u.unitId, body: { phaseKey: item.phase, note: T.transitionNote(rng, item.again) } });
          break;
        case 'reject':
          ok = this.emit(t, reviewerFor(), { type: 'RejectTransition', campaignId: MAIN_CAMPAIGN_ID, unitId: u.unitId, body: { phaseKey: item.phase, reason: T.rejectTransitionReason(rng) } });
          break;
        case 'approve':
          ok = this.emit(t, reviewerFor(), { type: 'ApproveTransition', campaignId: MAIN_CAMPAIGN_ID, unitId: u.unitId, body: { phaseKey: item.phase, comment: T.approveComment(rng) } });
          if (ok && item.phase === 'analysis') m.rectificationStart = t;
          if (ok && item.phase === 'rectification') m.consolidation = t;
          break;
        case 'open': {
          ok = this.emit(t, op, { type: 'OpenSatisfactionRound', campaignId: MAIN_CAMPAIGN_ID, unitId: u.unitId, body: { round: item.round } });
          if (ok) {
            const round: Round = { unit: u, round: item.round, pass: !(item.round === 1 && makeUp !== 'none'), tallies: [], singles: [], evidence: [], result: null };
            roundsByNumber.set(item.round, round);
            this.rounds.push(round);
            ballotsOpen.set(item.round, t);
          }
          break;
        }
        case 'tally': {
          const counts: Counts = { satisfied: 0, fairly_satisfied: 0, basically_satisfied: 0, dissatisfied: 0 };
          const by = rng.chance(0.85) ? op : this.groupOf(u).userId;
          ok = this.emit(t, by, {
            type: 'RecordBallotTally',
            campaignId: MAIN_CAMPAIGN_ID,
            unitId: u.unitId,
            body: { round: item.round, tallyId: `r${item.round}-t${item.n}`, meeting: rng.pick(T.TALLY_MEETINGS), counts },
          });
          if (ok) roundsByNumber.get(item.round)!.tallies.push({ counts });
          break;
        }
        case 'close': {
          const round = roundsByNumber.get(item.round)!;
          this.singleBallots(u, round, ballotsOpen.get(item.round)!, t, rng);
          ok = this.emit(t, op, { type: 'CloseSatisfactionRound', campaignId: MAIN_CAMPAIGN_ID, unitId: u.unitId, body: { round: item.round } });
          if (ok) round.result = { rate: 0 };
          break;
        }
        case 'conclude': {
          const body = { summary: '' };
          ok = this.emit(t, reviewerFor(), { type: 'ConcludeUnit', campaignId: MAIN_CAMPAIGN_ID, unitId: u.unitId, body });
          if (ok) {
            m.concluded = t;
            this.conclusions.push({ body, unit: u, rng: this.rng('conclusion', u.unitId) });
          }
          break;
        }
      }
      if (!ok) {
        // A round still open at `now` may already have ballots cast singly.
        const open = [...roundsByNumber.values()].find((r) => r.result === null);
        if (open && item.k !== 'open') this.singleBallots(u, open, ballotsOpen.get(open.round)!, this.latest, rng);
        break;
      }
    }
    if (satisfactionEvidence) {
      const passed = [...roundsByNumber.values()].find((r) => r.pass && r.result);
      passed?.evidence.push(satisfactionEvidence);
    }
  }

  private locatedByParent: Map<string, number> | null = null;

  private childLocated(u: PlannedUnit): number {
    if (!this.locatedByParent) {
      this.locatedByParent = new Map();
      for (const c of this.plan.byId.values()) {
        if (c.level === 'branch' && c.parentId) this.locatedByParent.set(c.parentId, (this.locatedByParent.get(c.parentId) ?? 0) + c.located);
      }
    }
    return this.locatedByParent.get(u.unitId) ?? 0;
  }

  /** Some units also let the masses vote one by one (online or at a ballot box). */
  private singleBallots(u: PlannedUnit, round: Round, from: number, to: number, rng: Rng): void {
    if (round.singles.length > 0 || (this.singleBallotRounds > 0 && !rng.chance(0.08))) return;
    this.singleBallotRounds++;
    const n = rng.int(10, 40);
    const times = Array.from({ length: n }, () => from + rng.float(0.02, 0.98) * (to - from)).sort((a, b) => a - b);
    const operator = this.operator(u.unitId);
    times.forEach((t, i) => {
      const body = { round: round.round, ballotId: `r${round.round}-b${String(i + 1).padStart(3, '0')}`, grade: 'satisfied' as SatisfactionGrade };
      if (this.emit(t, rng.chance(0.85) ? ANONYMOUS : operator, { type: 'CastBallot', campaignId: MAIN_CAMPAIGN_ID, unitId: u.unitId, body })) round.singles.push(body);
    });
  }

  /** 80,000 ballots over every round held, most as meeting tallies; failing rounds under the threshold. */
  private assignBallots(): void {
    const rng = this.rng('ballots');
    const singles = this.rounds.reduce((n, r) => n + r.singles.length, 0);
    const tallied = this.rounds.filter((r) => r.tallies.length > 0);
    const totals = apportion(
      Math.max(this.plan.figures.ballots - singles, tallied.length * 12),
      tallied.map((r) => (r.unit.members || 25) * rng.float(0.8, 1.25) + 10),
      12,
    );
    const byRound = new Map(tallied.map((r, i) => [r, totals[i]]));
    for (const r of this.rounds) {
      const n = (byRound.get(r) ?? 0) + r.singles.length;
      if (n === 0) continue;
      const d = r.pass ? (rng.chance(0.92) ? rng.float(0, 0.015) : rng.float(0.015, 0.06)) : rng.float(0.23, 0.35);
      const basic = rng.float(0.04, 0.12);
      const fair = rng.float(0.1, 0.25);
      const shares = [Math.max(0, 1 - d - basic - fair), fair, basic, d];
      const counts = apportion(n, shares, 0);
      // Pass or fail exactly as planned, whatever the rounding did.
      const limit = Math.floor(n * 0.2);
      if (r.pass && counts[3] > limit) {
        counts[0] += counts[3] - limit;
        counts[3] = limit;
      }
      if (!r.pass && counts[3] <= limit) {
        const need = limit + 1 - counts[3];
        counts[0] -= need;
        counts[3] += need;
      }
      const grades: SatisfactionGrade[] = ['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied'];
      // Singles take their grades first, the tallies the rest.
      const pool = grades.flatMap((g, gi) => Array.from({ length: counts[gi] }, () => g));
      rng.shuffle(pool);
      r.singles.forEach((b, i) => {
        b.grade = pool[i];
        counts[grades.indexOf(pool[i])]--;
      });
      const parts = grades.map((_, gi) => apportion(counts[gi], r.tallies.map(() => rng.float(0.5, 1.5)), 0));
      r.tallies.forEach((t, ti) => {
        grades.forEach((g, gi) => (t.counts[g] = parts[gi][ti]));
        if (Object.values(t.counts).every((x) => x === 0)) t.counts.satisfied = 1;
      });
      const all = r.tallies.reduce((acc, t) => acc + Object.values(t.counts).reduce((a, b) => a + b, 0), 0) + r.singles.length;
      const bad = r.tallies.reduce((acc, t) => acc + t.counts.dissatisfied, 0) + r.singles.filter((b) => b.grade === 'dissatisfied').length;
      if (r.result) r.result.rate = (all - bad) / all;
      for (const e of r.evidence) e.evidence = `组织群众满意度测评，共收回测评票${all}张，满意率${(((all - bad) / all) * 100).toFixed(1)}%`;
    }
    for (const c of this.conclusions) {
      const passed = this.rounds.find((r) => r.unit === c.unit && r.pass && r.result);
      c.body.summary = T.conclusionSummary(c.rng, passed?.result?.rate ?? null);
    }
  }

  // ---------------------------------------------------------------- problems

  private mainProblems(): void {
    const rng = this.rng('problems');
    const eligible = [...this.plan.grassroots, ...this.plan.newOrganizations].filter((u) => this.milestones.get(u.unitId)?.soliciting !== undefined);
    const stageOf = (u: PlannedUnit): keyof typeof FATES_BY_STAGE => {
      const m = this.milestones.get(u.unitId)!;
      if (m.concluded !== undefined) return 'concluded';
      if (m.consolidation !== undefined) return 'consolidation';
      if (m.rectificationPlan !== undefined) return 'rectification';
      return 'analysis';
    };
    const weights = eligible.map((u) => (u.members || 22) * (stageOf(u) === 'analysis' ? 0.45 : 1) * rng.float(0.6, 1.4) + 4);
    const counts = apportion(this.plan.figures.problems, weights, 1);
    const byStage = new Map<keyof typeof FATES_BY_STAGE, { u: PlannedUnit; n: number }[]>();
    eligible.forEach((u, i) => {
      const s = stageOf(u);
      if (!byStage.has(s)) byStage.set(s, []);
      byStage.get(s)!.push({ u, n: counts[i] });
    });
    for (const [stage, list] of byStage) {
      const total = list.reduce((n, x) => n + x.n, 0);
      const fates = quotaList(rng, total, FATES_BY_STAGE[stage] as Record<Fate, number>);
      const buckets = quotaList(rng, fates.filter((x) => x === 'by_deadline').length, BUCKET_WEIGHTS);
      let k = 0;
      let b = 0;
      for (const { u, n } of list) {
        for (let j = 0; j < n; j++) {
          const fate = fates[k++];
          this.problem(u, fate, fate === 'by_deadline' ? buckets[b++] : 'far');
        }
      }
    }
  }

  private nextProblemId(prefix: string): string {
    this.problemCounter++;
    return `${prefix}-${String(this.problemCounter).padStart(6, '0')}`;
  }

  private problem(u: PlannedUnit, fate: Fate, bucket: DeadlineBucket): void {
    const problemId = this.nextProblemId('P');
    const rng = this.rng('problem', problemId);
    const m = this.milestones.get(u.unitId)!;
    const group = this.groupOf(u);
    const op = this.operator(u.unitId);
    const text = T.problemText(rng, u.unitType);
    if ((fate === 'joint_open' || fate === 'joint_closed') && !text.joint && rng.chance(0.5)) fate = 'by_deadline';

    // Where it came from decides who registered it and when.
    const options: Partial<Record<ProblemSource, number>> = { masses_report: 15 };
    if (m.soliciting !== undefined) Object.assign(options, { soliciting_opinions: 35, supervision_group: 15, inspection_tour: 5 });
    if (m.democratic !== undefined) options.democratic_appraisal = 30;
    const source = rng.weighted(options as Record<ProblemSource, number>);
    const within = (from: number, span: number) => this.cal.workTime(Math.min(from + rng.float(0.2, 1) * span * DAY, this.latest - rng.float(0.2, 3) * DAY), rng);
    let r: number;
    let registrar = op;
    switch (source) {
      case 'soliciting_opinions':
        r = within(m.soliciting!, 6);
        break;
      case 'democratic_appraisal':
        r = within(m.democratic!, 4);
        break;
      case 'supervision_group':
        r = within(m.soliciting!, 60);
        registrar = rng.chance(0.9) ? group.userId : this.office(rng);
        break;
      case 'inspection_tour':
        r = within(m.soliciting!, 60);
        registrar = rng.pick(this.people.roving).userId;
        break;
      default:
        r = within(m.start + 5 * DAY, 120);
    }
    r = Math.max(r, (this.enrolledAt.get(u.unitId) ?? this.launch) + HOUR);
    // Never before the unit solicited opinions: a problem found that late waits for after `now`.
    if (m.soliciting !== undefined) r = Math.max(r, m.soliciting + 10 * MINUTE);
    const registered = this.emit(r, registrar, {
      type: 'RegisterProblem',
      body: {
        problemId,
        campaignId: MAIN_CAMPAIGN_ID,
        responsibleUnitId: u.unitId,
        source,
        category: text.category,
        description: text.description,
        responsibleLeader: { name: personName(rng) },
        handler: rng.chance(0.6) ? { name: personName(rng), userId: op } : { name: personName(rng) },
        discoveredAt: this.cal.date(r - rng.int(0, 4) * DAY),
      },
    });
    if (!registered) return;
    const record: ProblemRecord = { problemId, unit: u, closedAt: null, involved: [u.unitId] };
    this.problems.push(record);
    const story = new ProblemStory(this, rng, problemId, u, record, r);
    story.tell(fate, bucket, m);
  }

  /** Used by ProblemStory. */
  queue(at: number, by: string, op: DemoOp): boolean {
    return this.emit(at, by, op);
  }

  pickOffice(rng: Rng): string {
    return this.office(rng);
  }

  /** The supervision notes' own random stream, apart from each problem's story. */
  supervisionRng(problemId: string): Rng {
    return this.rng('supervision', problemId);
  }

  verifierFor(u: PlannedUnit, involved: readonly string[], rng: Rng): string {
    return this.verifier(u, involved, rng);
  }

  operatorFor(unitId: string): string {
    return this.operator(unitId);
  }

  get calendar(): Calendar {
    return this.cal;
  }

  get cityPlan(): CityPlan {
    return this.plan;
  }

  // ---------------------------------------------------------------- look-back

  private lookBack(): void {
    const rng = this.rng('look-back');
    const { plan, cal } = this;
    const rural = plan.townships.filter((t) => t.unitType === 'rural');
    const pool = rural.length > 0 ? rural : plan.townships;
    if (pool.length === 0) return;
    const chosen = rng.shuffle([...pool]).slice(0, Math.max(1, Math.round(plan.townships.length * 0.12)));
    const members = (t: PlannedUnit) => plan.grassroots.filter((g) => g.townshipId === t.unitId);
    const unitIds = chosen.flatMap((t) => [t.unitId, ...members(t).map((g) => g.unitId)]);
    this.lookBackUnitIds = unitIds;
    const launched = cal.at(-42, 9, 40);
    this.must(launched, this.people.office[0], {
      type: 'LaunchCampaign',
      body: {
        campaignId: LOOK_BACK_CAMPAIGN_ID,
        name: LOOK_BACK_CAMPAIGN_NAME,
        templateKey: 'look-back',
        batch: 2,
        parentCampaignId: MAIN_CAMPAIGN_ID,
        unitIds,
        plannedPhases: this.plannedPhases(-42, [[0, 7], [8, 17], [18, 37]]),
      },
    });
    const closedBy = new Map<string, ProblemRecord[]>();
    for (const p of this.problems) {
      if (p.closedAt === null) continue;
      if (!closedBy.has(p.unit.unitId)) closedBy.set(p.unit.unitId, []);
      closedBy.get(p.unit.unitId)!.push(p);
    }
    chosen.forEach((township) => {
      const start = cal.workTime(launched + rng.float(0.5, 26) * DAY, rng);
      this.lookBackUnit(township, start, []);
      for (const g of members(township)) this.lookBackUnit(g, start + rng.float(0.5, 3) * DAY, closedBy.get(g.unitId) ?? []);
    });
  }

  private lookBackUnit(u: PlannedUnit, start: number, closed: ProblemRecord[]): void {
    const rng = this.rng('look-back-unit', u.unitId);
    const op = this.operator(u.unitId);
    const ids = { campaignId: LOOK_BACK_CAMPAIGN_ID, unitId: u.unitId };
    const c = new Cursor(start, this.cal, rng);
    const step = (phaseKey: string, stepKey: string, at: number, quantity?: number, evidence?: string) =>
      this.emit(at, op, {
        type: 'RecordStep',
        ...ids,
        body: clean({ phaseKey, stepKey, evidence: evidence ?? T.stepEvidence(rng, stepKey, { members: Math.max(3, u.members || 20), quantity: quantity ?? 0 }), quantity }),
      });
    const gate = (phaseKey: string): boolean => {
      if (!this.emit(c.days(0.5, 2), op, { type: 'ApplyForTransition', ...ids, body: { phaseKey, note: T.transitionNote(rng, false) } })) return false;
      return this.emit(c.days(0.5, 2), this.reviewer(u, rng), { type: 'ApproveTransition', ...ids, body: { phaseKey, comment: T.approveComment(rng) } });
    };
    if (!step('study', 'mobilization_meeting', c.days(0, 1))) return;
    if (!step('study', 'centralized_study', c.days(2, 4), rng.int(6, 16))) return;
    if (!gate('study')) return;
    if (!step('analysis', 'review_against_requirements', c.days(1, 3))) return;
    const solicited = c.days(1, 3);
    if (!step('analysis', 'soliciting_opinions', solicited)) return;
    if (u.grassroots && rng.chance(0.3)) this.lookBackProblem(u, Math.max(solicited + 10 * MINUTE, this.cal.workTime(solicited + rng.float(0.2, 3) * DAY, rng)));
    if (!gate('analysis')) return;
    const rectStart = c.t;
    // 复查已销号问题: most hold, some have rebounded.
    const candidates = closed.filter((p) => p.closedAt! < rectStart - HOUR);
    const planned = c.days(3, 6);
    // Re-checked on working days between the start of the phase and the step that reports them.
    const times = candidates
      .map((_, i) => Math.max(rectStart + MINUTE, this.cal.workTime(rectStart + ((i + 1) / (candidates.length + 1)) * (planned - rectStart), rng)))
      .sort((a, b) => a - b);
    times.forEach((t, i) => this.recheck(candidates[i], t, rng));
    const recheckStep = c.at(Math.max(planned, (times[times.length - 1] ?? 0) + rng.int(20, 90) * MINUTE));
    if (!step('rectification', 'recheck_closed_problems', recheckStep, undefined,
      candidates.length > 0 ? T.stepEvidence(rng, 'recheck_closed_problems', { members: 0, quantity: candidates.length }) : '本单位无已销号问题，对整改承诺落实情况进行了复查')) return;
    if (!step('rectification', 'results_publication', c.days(1, 3))) return;
    if (!gate('rectification')) return;
    this.emit(c.days(0.5, 3), this.reviewer(u, rng), { type: 'ConcludeUnit', ...ids, body: { summary: T.lookBackSummary(rng) } });
  }

  private recheck(p: ProblemRecord, at: number, unitRng: Rng): void {
    const rng = this.rng('recheck', p.problemId);
    const held = rng.chance(0.88);
    const group = this.groupOf(p.unit);
    let by = rng.chance(0.85) ? group.userId : this.office(rng);
    if (by === group.userId && group.ownUnitId && p.involved.includes(group.ownUnitId)) by = this.office(rng);
    if (!held && rng.chance(0.3)) by = this.operator(p.unit.unitId);
    const ok = this.emit(at, by, {
      type: 'RecheckProblem',
      problemId: p.problemId,
      body: { lookBackCampaignId: LOOK_BACK_CAMPAIGN_ID, outcome: held ? 'held' : 'rebounded', finding: T.recheckFinding(rng, held) },
    });
    if (!ok || held) return;
    const story = new ProblemStory(this, rng, p.problemId, p.unit, { ...p, closedAt: null, involved: [p.unit.unitId] }, at + 5 * MINUTE);
    story.reopened(unitRng.chance(0.4));
  }

  private lookBackProblem(u: PlannedUnit, at: number): void {
    const problemId = this.nextProblemId('LB');
    const rng = this.rng('problem', problemId);
    const text = T.lookBackProblemText(rng);
    const op = this.operator(u.unitId);
    const ok = this.emit(at, op, {
      type: 'RegisterProblem',
      body: {
        problemId,
        campaignId: LOOK_BACK_CAMPAIGN_ID,
        responsibleUnitId: u.unitId,
        source: 'look_back',
        category: text.category,
        description: text.description,
        responsibleLeader: { name: personName(rng) },
        handler: { name: personName(rng), userId: op },
        discoveredAt: this.cal.date(at),
      },
    });
    if (!ok) return;
    const fate = rng.weighted<Fate>({ identified: 30, by_deadline: 40, closed: 30 } as Record<Fate, number>);
    const record: ProblemRecord = { problemId, unit: u, closedAt: null, involved: [u.unitId] };
    new ProblemStory(this, rng, problemId, u, record, at).tell(fate, 'far', { start: at, rectificationPlan: at + 0.5 * DAY });
  }
}

/** A working-time cursor: each call moves it forward to a moment in office hours. */
class Cursor {
  constructor(public t: number, private readonly cal: Calendar, private readonly rng: Rng) {}

  days(min: number, max: number): number {
    let w = this.cal.workTime(this.t + this.rng.float(min, max) * DAY, this.rng);
    if (w <= this.t) w = this.cal.shortlyAfter(this.t, this.rng, 10, 120);
    this.t = w;
    return w;
  }

  /** Moves to `t` (a working moment), or just after the cursor when `t` is not later. */
  at(t: number): number {
    this.t = t > this.t ? t : this.cal.shortlyAfter(this.t, this.rng, 1, 20);
    return this.t;
  }
}

/** One problem's life, as far as `now` lets it get. */
class ProblemStory {
  private readonly c: Cursor;
  private readonly op: string;
  private readonly cal: Calendar;

  constructor(
    private readonly s: ScenarioBuilder,
    private readonly rng: Rng,
    private readonly problemId: string,
    private readonly u: PlannedUnit,
    private readonly record: ProblemRecord,
    from: number,
  ) {
    this.cal = s.calendar;
    this.c = new Cursor(from, this.cal, rng);
    this.op = s.operatorFor(u.unitId);
  }

  private send(at: number, by: string, op: DemoOp): boolean {
    return this.s.queue(at, by, op);
  }

  private p<T extends DemoOp['type']>(type: T, body: unknown, at: number, by = this.op, extra: Record<string, string> = {}): boolean {
    return this.send(at, by, { type, problemId: this.problemId, ...extra, body } as unknown as DemoOp);
  }

  private note(): boolean {
    const at = this.c.days(2, 12);
    const body: { note: string; attachmentRefs?: string[]; occurredAt?: string } = { note: T.progressNote(this.rng) };
    const ref = T.attachment(this.rng, this.cal.date(at));
    if (ref) body.attachmentRefs = [ref];
    let exec = at;
    const roll = this.rng.next();
    if (roll < 0.015) exec = this.c.at(this.cal.workTime(at + this.rng.float(1.3, 5) * DAY, this.rng));
    else if (roll < 0.3) exec = this.c.at(at + this.rng.int(30, 300) * MINUTE);
    if (exec > at) body.occurredAt = iso(at);
    return this.p('RecordProgress', body, exec);
  }

  private deadlineFor(timing: TimingClass, planned: number, bucket: DeadlineBucket | null): string | null {
    if (timing === 'ongoing') return null;
    const minDay = this.cal.dayOf(planned);
    let day: number;
    if (bucket === 'overdue') day = this.rng.int(-45, -1);
    else if (bucket === 'yellow') day = this.rng.int(0, 10);
    else if (bucket === 'green') day = this.rng.int(11, 20);
    else if (bucket === 'far') day = this.rng.int(21, 100);
    else day = minDay + (timing === 'immediate' ? this.rng.int(5, 15) : this.rng.int(25, 90));
    return this.cal.dateOfDay(Math.max(day, minDay + (bucket === null ? 3 : 0)));
  }

  private dayOfDate(date: string): number {
    return this.cal.dayOf(Date.parse(`${date}T12:00:00+08:00`));
  }

  private plan(timing: TimingClass, deadline: string | null, at: number): boolean {
    return this.p('PlanRectification', { measures: T.measures(this.rng), timing, deadline }, at);
  }

  tell(fate: Fate, bucket: DeadlineBucket, m: Milestones): void {
    const rng = this.rng;
    if (fate === 'identified') return;
    // 制定整改措施 with the unit's plan; 立行立改 right away where the unit has not got there yet.
    let planAt: number;
    if (m.rectificationPlan !== undefined) planAt = Math.max(this.c.t + rng.float(0.05, 1.5) * DAY, m.rectificationPlan + rng.float(-0.5, 3) * DAY);
    else planAt = this.c.t + rng.float(0.05, 2) * DAY;
    planAt = this.c.at(this.cal.workTime(planAt, rng));
    const immediateOnly = m.rectificationPlan === undefined;
    const timing: TimingClass =
      fate === 'by_deadline' ? (rng.chance(0.2) || immediateOnly ? 'immediate' : 'by_deadline')
      : fate === 'ongoing' ? 'ongoing'
      : immediateOnly ? 'immediate'
      : rng.weighted<TimingClass>({ immediate: 25, by_deadline: 55, ongoing: 20 });
    let deadline = this.deadlineFor(timing, planAt, fate === 'by_deadline' ? bucket : null);
    if (deadline && this.dayOfDate(deadline) < this.cal.dayOf(planAt)) deadline = this.cal.date(planAt);
    if (!this.plan(timing, deadline, planAt)) return;
    // 公示整改方案 with the unit's publication.
    if (m.planPublication !== undefined || rng.chance(0.5)) {
      const pub = Math.max(this.c.t + rng.float(0.05, 1) * DAY, (m.planPublication ?? 0) + rng.float(0, 2) * DAY);
      if (!this.p('PublishPlan', {}, this.c.at(this.cal.workTime(pub, rng)))) return;
    }
    switch (fate) {
      case 'planned':
        return;
      case 'ongoing':
      case 'by_deadline':
        this.working(deadline, fate === 'by_deadline' && rng.chance(0.15));
        return;
      case 'fixed':
      case 'verified':
      case 'closed':
      case 'closed_after_rejection':
        this.toClosure(fate, deadline);
        return;
      case 'deferred':
      case 'deferred_resumed':
        this.deferral(fate === 'deferred_resumed');
        return;
      case 'joint_open':
      case 'joint_closed':
        this.joint(fate === 'joint_closed');
        return;
    }
  }

  /** 正在整改 / 限期整改: notes until now, sometimes a deadline pushed back with a reason. */
  private working(deadline: string | null, extend: boolean): void {
    const notes = this.rng.int(1, 4);
    for (let i = 0; i < notes; i++) if (!this.note()) return;
    if (extend && deadline) {
      const at = this.c.days(1, 10);
      const next = this.cal.dateOfDay(Math.max(this.dayOfDate(deadline), this.cal.dayOf(at)) + this.rng.int(10, 40));
      this.p('ChangeDeadline', { deadline: next, reason: T.deadlineReason(this.rng) }, at);
    }
    this.supervise();
  }

  /** 督查 on a share of the problems still being worked on, by a group from outside the units doing the work. */
  private supervise(): void {
    const rng = this.s.supervisionRng(this.problemId);
    const note = supervisionNoteFor(rng, this.cal, this.c.t);
    if (note) this.p('NoteSupervision', note.body, note.at, this.s.verifierFor(this.u, this.record.involved, rng));
  }

  /** The road to 销号: notes, a claim with evidence, 验收 (sometimes refused first), 销号 with mechanisms. */
  private toClosure(fate: Fate, deadline: string | null): void {
    const rng = this.rng;
    const span = (this.s.latest - this.c.t) / DAY;
    const squeeze = (d: number) => Math.max(0.1, Math.min(d, span * rng.float(0.15, 0.3)));
    const notes = rng.int(fate === 'fixed' ? 1 : 0, 3);
    for (let i = 0; i < notes; i++) {
      const at = this.c.days(squeeze(2), squeeze(10));
      if (!this.p('RecordProgress', { note: T.progressNote(rng) }, at)) return;
    }
    if (deadline && rng.chance(0.08)) {
      const at = this.c.days(squeeze(1), squeeze(6));
      const next = this.cal.dateOfDay(Math.max(this.dayOfDate(deadline), this.cal.dayOf(at)) + rng.int(10, 30));
      if (!this.p('ChangeDeadline', { deadline: next, reason: T.deadlineReason(rng) }, at)) return;
      deadline = next;
    }
    if (fate === 'fixed') {
      this.p('ClaimFixed', { evidence: T.claimEvidence(rng) }, this.c.at(this.cal.workTime(this.s.latest - rng.float(0.05, 8) * DAY, rng)));
      return;
    }
    // On time mostly; some claims come after the deadline (and its red warning).
    const base = this.c.t;
    let claimAt = this.cal.workTime(base + rng.float(squeeze(3), squeeze(25)) * DAY, rng);
    if (deadline) {
      const due = this.cal.at(this.dayOfDate(deadline), 17);
      const late = rng.chance(0.12);
      if (!late && claimAt > due && due > base) claimAt = this.cal.workTime(base + rng.float(0.1, 0.9) * (due - base), rng);
      if (late && claimAt <= due) claimAt = this.cal.workTime(due + rng.float(1, 20) * DAY, rng);
    }
    if (fate === 'verified') claimAt = Math.max(claimAt, this.cal.workTime(this.s.latest - rng.float(3, 15) * DAY, rng));
    claimAt = this.c.at(claimAt);
    const claim = () => this.p('ClaimFixed', { evidence: T.claimEvidence(rng), ...(rng.chance(0.4) ? { attachmentRefs: [T.attachment(rng, this.cal.date(claimAt)) ?? 'files/photo.jpg'] } : {}) }, claimAt);
    if (!claim()) return;
    const verifier = () => this.s.verifierFor(this.u, this.record.involved, rng);
    if (fate === 'closed_after_rejection') {
      if (!this.p('RejectFix', { reason: T.rejectFixReason(rng) }, this.c.days(squeeze(2), squeeze(7)), verifier())) return;
      if (!this.p('RecordProgress', { note: T.progressNote(rng) }, this.c.days(squeeze(2), squeeze(10)))) return;
      claimAt = this.c.days(squeeze(3), squeeze(15));
      if (!claim()) return;
    }
    const v = verifier();
    const acceptAt = fate === 'verified' ? this.c.at(this.cal.workTime(Math.min(this.c.t + rng.float(1, 8) * DAY, this.s.latest - rng.float(0.05, 2) * DAY), rng)) : this.c.days(squeeze(1), squeeze(8));
    if (!this.p('AcceptFix', { comment: T.acceptComment(rng) }, acceptAt, v)) return;
    if (fate === 'verified') return;
    const closeAt = this.c.days(squeeze(0), squeeze(4));
    if (this.p('CloseProblem', { mechanisms: T.mechanisms(rng) }, closeAt, rng.chance(0.8) ? v : verifier())) this.record.closedAt = closeAt;
  }

  /** 受客观条件限制: told to the masses, re-reviewed, sometimes resumed later. */
  private deferral(resume: boolean): void {
    const rng = this.rng;
    if (rng.chance(0.7) && !this.note()) return;
    const at = this.c.days(3, 25);
    const d = T.deferral(rng);
    let reReview = this.cal.dayOf(at) + rng.int(30, 75);
    const body = {
      constraint: d.constraint,
      explanation: { text: d.explanation, date: this.cal.date(at - rng.int(0, 4) * DAY) },
      reReviewDate: this.cal.dateOfDay(reReview),
      gradualMeasures: d.gradual,
    };
    if (!this.p('DeferProblem', body, at)) return;
    if (resume) {
      const back = this.c.days(20, 60);
      const deadline = rng.chance(0.6) ? this.cal.dateOfDay(this.cal.dayOf(back) + rng.int(20, 60)) : null;
      if (!this.p('ResumeRectification', { note: T.resumeNote(rng), deadline }, back)) return;
      this.toClosure('closed', deadline);
      return;
    }
    // Re-reviewed on (about) the date promised, while it stays deferred.
    for (let i = 0; i < 4; i++) {
      const due = this.cal.workTime(this.cal.at(reReview + rng.int(-2, 3), 10), rng);
      if (rng.chance(0.4) && !this.p('RecordProgress', { note: `逐步解决：${T.progressNote(rng)}` }, this.c.days(3, 20))) return;
      const reviewAt = this.c.at(due);
      reReview = this.cal.dayOf(reviewAt) + rng.int(30, 75);
      if (!this.p('ReviewDeferral', { finding: T.deferralFinding(rng), reReviewDate: this.cal.dateOfDay(reReview) }, reviewAt)) return;
    }
  }

  /** 需要综合治理: the higher committee coordinates, each unit does its part. */
  private joint(closeAll: boolean): void {
    const rng = this.rng;
    const plan = this.s.cityPlan;
    if (rng.chance(0.5) && !this.note()) return;
    const at = this.c.days(3, 20);
    const coordinator = this.u.townshipId ?? this.u.countyId!;
    const neighbours = plan.grassroots.filter((g) => g.countyId === this.u.countyId && g.unitId !== this.u.unitId);
    const others = rng.shuffle([...neighbours]).slice(0, rng.int(1, Math.min(3, neighbours.length)));
    const partUnits = rng.chance(0.7) || others.length === 0 ? [this.u, ...others] : others;
    const tasks = rng.shuffle([...T.PART_TASKS]);
    const parts = partUnits.map((pu, i) => ({
      partId: `part-${i + 1}`,
      unitId: pu.unitId,
      description: `${pu.name}${tasks[i % tasks.length]}`,
      deadline: this.cal.dateOfDay(this.cal.dayOf(at) + rng.int(20, 80)),
    }));
    if (!this.p('EscalateToJoint', { coordinatorUnitId: coordinator, reason: T.jointReason(rng), parts }, at, this.s.pickOffice(rng))) return;
    this.record.involved = [this.u.unitId, coordinator, ...parts.map((p) => p.unitId)];
    let allClosed = true;
    let last = at;
    const toClose = closeAll ? parts.length : rng.int(0, parts.length - 1);
    parts.forEach((part, i) => {
      const pc = new Cursor(at, this.cal, rng);
      const partOp = this.s.operatorFor(part.unitId);
      const extra = { partId: part.partId };
      const notes = rng.int(1, 2);
      for (let n = 0; n < notes; n++) {
        const t = pc.days(3, 15);
        if (!this.p('RecordPartProgress', { note: T.progressNote(rng) }, t, partOp, extra)) {
          allClosed = false;
          return;
        }
      }
      if (i >= toClose) {
        if (rng.chance(0.2)) {
          const t = pc.days(2, 10);
          const next = this.cal.dateOfDay(Math.max(this.dayOfDate(part.deadline), this.cal.dayOf(t)) + rng.int(10, 40));
          this.p('ChangePartDeadline', { deadline: next, reason: T.deadlineReason(rng) }, t, this.s.pickOffice(rng), extra);
        }
        allClosed = false;
        return;
      }
      const closeAt = pc.days(3, 20);
      if (!this.p('ClosePart', { evidence: T.partEvidence(rng) }, closeAt, partOp, extra)) allClosed = false;
      last = Math.max(last, closeAt);
    });
    if (!closeAll || !allClosed) return;
    this.c.at(last);
    this.toClosure('closed', null);
  }

  /** A rebound reopens the problem in the look-back: a new plan, new work, sometimes closed again. */
  reopened(closeAgain: boolean): void {
    const rng = this.rng;
    const at = this.c.days(1, 4);
    const deadline = this.cal.dateOfDay(this.cal.dayOf(at) + rng.int(15, 40));
    if (!this.plan('by_deadline', deadline, at)) return;
    if (!this.p('PublishPlan', {}, this.c.days(0.1, 1))) return;
    if (!this.note()) return;
    if (closeAgain) this.toClosure('closed', deadline);
  }
}

/** Per-unit participation: 应参学 = members, excused with their reasons, near 99% of the rest attend. */
function participation(u: PlannedUnit, rng: Rng, update: boolean): { shouldAttend: number; attended: number; excused: { reason: string; count: number }[]; occurredAt?: string } {
  const m = Math.max(1, u.members);
  const excused: { reason: string; count: number }[] = [];
  const add = (reason: string, p: number, max: number) => {
    if (rng.chance(p)) excused.push({ reason, count: rng.int(1, Math.max(1, Math.round(max))) });
  };
  add('流动党员', 0.45, m * 0.06);
  add('年老体弱', 0.5, m * 0.05);
  add('因病住院', 0.2, 2);
  add('外出务工', u.unitType === 'rural' ? 0.6 : 0.15, m * 0.08);
  let total = excused.reduce((n, e) => n + e.count, 0);
  while (total > Math.floor(m * 0.2) && excused.length > 0) {
    const e = excused[excused.length - 1];
    e.count--;
    total--;
    if (e.count === 0) excused.pop();
  }
  if (update && excused.length > 0 && excused[0].count > 1) {
    excused[0].count--;
    total--;
  }
  const absent = Math.round((m - total) * rng.float(0, 0.025));
  return { shouldAttend: m, attended: Math.max(0, m - total - absent), excused };
}

function clean<T extends Record<string, unknown>>(body: T): T {
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return body;
}

