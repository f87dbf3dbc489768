import {
  emptyProblemOutcomeCounts,
  HANDLINGS,
  Handling,
  problemOutcomeCounts,
  ProblemOutcomeCounts,
  RecheckCounts,
} from '@platform/domain';
import { LedgerProblemDoc } from './rectification-ledger.documents';
import { addDaysInto, addTrackerTallies, DayCounts, emptyTrackerTallies, trackerContribution, TrackerTallies } from './tracker-tallies';
import { campaignUnitId } from '../shared/campaign-unit-id';

export const LEDGER_UNIT_TALLIES = 'ledger_unit_tallies';

export type HandlingCounts = Record<Handling, number>;

/**
 * One unit's problem figures in one campaign (`_id` `<campaignId>.<unitId>`): what the board
 * needs, kept up to date by the ledger so a board reads one small document per unit.
 */
export type UnitTallyDoc = {
  readonly _id: string;
  readonly campaignId: string;
  readonly unitId: string;
  readonly byHandling: HandlingCounts;
  /** The same problems under classification v1, for boards and notices computed with it. */
  readonly byHandlingV1: HandlingCounts;
  readonly problems: ProblemOutcomeCounts;
  /** Re-checks this campaign made as a look-back. */
  readonly rechecks: RecheckCounts;
  /** What the tracker summary shows of the unit, its warnings computable for any day. */
  readonly tracker: TrackerTallies;
};

export const emptyHandling = (): HandlingCounts => Object.fromEntries(HANDLINGS.map((h) => [h, 0])) as HandlingCounts;

/** The counts of a tally, without its identity: what adds up per unit and per tree node. */
export type TallyCounts = Pick<UnitTallyDoc, 'byHandling' | 'byHandlingV1' | 'problems' | 'rechecks' | 'tracker'>;

export const emptyTallyCounts = (): TallyCounts => ({
  byHandling: emptyHandling(),
  byHandlingV1: emptyHandling(),
  problems: emptyProblemOutcomeCounts(),
  rechecks: { rechecked: 0, rebounded: 0 },
  tracker: emptyTrackerTallies(),
});

/** a + sign·b, count by count (deadline days falling to zero are dropped). */
export function addTallyCounts(a: TallyCounts, b: TallyCounts, sign = 1): TallyCounts {
  return {
    byHandling: addLeaves(a.byHandling, b.byHandling, sign),
    byHandlingV1: addLeaves(a.byHandlingV1, b.byHandlingV1, sign),
    problems: addLeaves(a.problems, b.problems, sign),
    rechecks: addLeaves(a.rechecks, b.rechecks, sign),
    tracker: addTrackerTallies(a.tracker, b.tracker, sign),
  };
}

/**
 * addTallyCounts made in `a` itself (a copy the caller owns), returned as its counts. Each key keeps
 * its place and a day falling to zero is deleted, as in addTallyCounts, so both give the same JSON.
 */
export function addTallyCountsInto(a: TallyCounts, b: TallyCounts, sign = 1): TallyCounts {
  for (const k of TALLY_COUNTS) addLeavesInto(a[k] as unknown as Leaves, b[k] as unknown as Leaves, sign);
  return { byHandling: a.byHandling, byHandlingV1: a.byHandlingV1, problems: a.problems, rechecks: a.rechecks, tracker: a.tracker };
}

const TALLY_COUNTS = ['byHandling', 'byHandlingV1', 'problems', 'rechecks', 'tracker'] as const;

type Leaves = { [key: string]: number | Leaves };

/** The day counts (runningDeadlines, openPartDeadlines) are the only records whose keys come and go. */
const DAY_COUNTS = new Set(['runningDeadlines', 'openPartDeadlines']);

function addLeavesInto(a: Leaves, b: Leaves, sign: number): void {
  for (const k of Object.keys(a)) {
    const x = a[k];
    if (typeof x === 'number') a[k] = x + sign * (b[k] as number);
    else if (DAY_COUNTS.has(k)) addDaysInto(x as DayCounts, b[k] as DayCounts, sign);
    else addLeavesInto(x, b[k] as Leaves, sign);
  }
}

/** Whether every count is zero (no day counted): a change of a tally by this leaves it as it was. */
export function zeroLeaves(c: TallyCounts): boolean {
  return TALLY_COUNTS.every((k) => zero(c[k]));
}

const zero = (c: object): boolean => Object.values(c).every((v) => (typeof v === 'number' ? v === 0 : zero(v as object)));

const zeroTally = (campaignId: string, unitId: string): UnitTallyDoc => ({ _id: campaignUnitId(campaignId, unitId), campaignId, unitId, ...emptyTallyCounts() });

/** Counts are nested records of numbers: adding two adds every leaf. */
export function addLeaves<T>(a: T, b: T, sign = 1): T {
  if (typeof a === 'number') return (a + sign * (b as number)) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(a as object)) out[k] = addLeaves((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], sign);
  return out as T;
}

/** What one problem adds to each campaign's tally of its responsible unit. */
export function contributions(p: LedgerProblemDoc | null): Map<string, UnitTallyDoc> {
  const out = new Map<string, UnitTallyDoc>();
  if (!p) return out;
  const of = (campaignId: string) => {
    const key = `${campaignId}.${p.responsibleUnitId}`;
    let t = out.get(key);
    if (!t) out.set(key, (t = zeroTally(campaignId, p.responsibleUnitId)));
    return t;
  };
  for (const campaignId of p.campaignIds) {
    const t = of(campaignId);
    out.set(t._id, {
      ...t,
      byHandling: { ...t.byHandling, [p.handling]: t.byHandling[p.handling] + 1 },
      byHandlingV1: { ...t.byHandlingV1, [p.handlingV1]: t.byHandlingV1[p.handlingV1] + 1 },
      problems: addLeaves(t.problems, problemOutcomeCounts(p)),
      tracker: addTrackerTallies(t.tracker, trackerContribution(p)),
    });
  }
  for (const r of p.rechecks) {
    const t = of(r.lookBackCampaignId);
    out.set(t._id, { ...t, rechecks: { rechecked: t.rechecks.rechecked + 1, rebounded: t.rechecks.rebounded + Number(r.outcome === 'rebounded') } });
  }
  return out;
}

/** A unit's tally as a problem's change leaves it, and what the change added to it (for the sums above the unit). */
export interface Retallied {
  readonly tally: UnitTallyDoc;
  readonly delta: TallyCounts;
}

/**
 * The tallies a problem's change from `before` to `after` changes: plus what it adds now, minus
 * what it added before. A stored tally the change counts the same in (a progress note, a warning
 * raised) is left out, so it, its versions and the tree's sums above it stay as they were.
 */
export function retally(before: LedgerProblemDoc | null, after: LedgerProblemDoc, current: (id: string) => UnitTallyDoc | null): Retallied[] {
  const old = contributions(before);
  const now = contributions(after);
  const out: Retallied[] = [];
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const base = old.get(id) ?? now.get(id)!;
    const stored = current(id);
    const minus = old.get(id) ?? zeroTally(base.campaignId, base.unitId);
    const plus = now.get(id) ?? zeroTally(base.campaignId, base.unitId);
    const delta = addTallyCounts(plus, minus, -1);
    if (stored && zeroLeaves(delta)) continue;
    const start = stored ?? zeroTally(base.campaignId, base.unitId);
    const { _id, campaignId, unitId } = start;
    out.push({ tally: { _id, campaignId, unitId, ...addTallyCounts(start, delta) }, delta });
  }
  return out;
}
