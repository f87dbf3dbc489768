import {
  OrganizationTree,
  ProblemState,
  SatisfactionState,
  totalBallots,
  UnitProgressState,
  UserState,
} from '@platform/domain';

/** What the generated city holds, counted from the final state of every stream. */
export interface CitySummary {
  organizations: { total: number; byLevel: Record<string, number>; grassrootsByType: Record<string, number>; members: number };
  users: Record<string, number>;
  campaigns: Record<string, { enrolled: number; byStage: Record<string, number> }>;
  participation: { shouldAttend: number; attended: number; excused: number; rate: number; excusedByReason: Record<string, number> };
  locatedMembers: number;
  problems: { total: number; byStatus: Record<string, number>; byHandling: Record<string, number>; rechecked: number; rebounded: number; warnings: Record<string, number> };
  satisfaction: { ballots: number; rounds: number; units: number; makeUp: number; passedAfterMakeUp: number; rate: number };
}

const inc = (o: Record<string, number>, k: string, n = 1) => (o[k] = (o[k] ?? 0) + n);

export interface SummaryInput {
  readonly tree: OrganizationTree;
  readonly streams: Iterable<[string, unknown]>;
  /** Warnings raised, from the event counts. */
  readonly warnings: Record<string, number>;
}

export function summarizeCity(input: SummaryInput): CitySummary {
  const s: CitySummary = {
    organizations: { total: 0, byLevel: {}, grassrootsByType: {}, members: 0 },
    users: {},
    campaigns: {},
    participation: { shouldAttend: 0, attended: 0, excused: 0, rate: 0, excusedByReason: {} },
    locatedMembers: 0,
    problems: { total: 0, byStatus: {}, byHandling: {}, rechecked: 0, rebounded: 0, warnings: input.warnings },
    satisfaction: { ballots: 0, rounds: 0, units: 0, makeUp: 0, passedAfterMakeUp: 0, rate: 0 },
  };
  for (const n of input.tree.all()) {
    s.organizations.total++;
    inc(s.organizations.byLevel, n.level);
    if (n.level === 'committee' || n.level === 'general_branch' || n.level === 'branch') inc(s.organizations.grassrootsByType, n.unitType);
    s.organizations.members += n.memberCount;
  }
  let satisfied = 0;
  for (const [id, state] of input.streams) {
    if (id.startsWith('user-')) inc(s.users, (state as UserState).role ?? 'none');
    else if (id.startsWith('progress-')) {
      const campaignId = id.slice('progress-'.length, id.indexOf('.'));
      const p = state as UnitProgressState;
      const c = (s.campaigns[campaignId] ??= { enrolled: 0, byStage: {} });
      c.enrolled++;
      const phaseKeys = ['study', 'analysis', 'rectification'];
      const where = p.stage === 'in_phase' ? `${phaseKeys[p.phaseIndex]}${p.transition.status === 'none' ? '' : `:${p.transition.status}`}` : p.stage;
      inc(c.byStage, where);
      if (p.participation && campaignId.startsWith('advanced')) {
        s.participation.shouldAttend += p.participation.shouldAttend;
        s.participation.attended += p.participation.attended;
        for (const e of p.participation.excused) {
          s.participation.excused += e.count;
          inc(s.participation.excusedByReason, e.reason, e.count);
        }
      }
      const located = p.steps.study?.locating_members;
      if (located && p.participation) s.locatedMembers += located.quantity ?? 0;
    } else if (id.startsWith('problem-')) {
      const p = state as ProblemState;
      s.problems.total++;
      inc(s.problems.byStatus, p.status);
      inc(s.problems.byHandling, p.handling);
      s.problems.rechecked += p.rechecks.length;
      s.problems.rebounded += p.rechecks.filter((r) => r.outcome === 'rebounded').length;
    } else if (id.startsWith('satisfaction-')) {
      const q = state as SatisfactionState;
      s.satisfaction.units++;
      s.satisfaction.rounds += q.rounds.length;
      for (const r of q.rounds) {
        s.satisfaction.ballots += totalBallots(r.counts);
        satisfied += totalBallots(r.counts) - r.counts.dissatisfied;
      }
      if (q.rounds.some((r) => r.result && !r.result.passed)) {
        s.satisfaction.makeUp++;
        if (q.standing === 'passed') s.satisfaction.passedAfterMakeUp++;
      }
    }
  }
  const p = s.participation;
  p.rate = p.shouldAttend - p.excused > 0 ? p.attended / (p.shouldAttend - p.excused) : 0;
  s.satisfaction.rate = s.satisfaction.ballots > 0 ? satisfied / s.satisfaction.ballots : 0;
  return s;
}
