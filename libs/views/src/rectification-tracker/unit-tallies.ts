import {
  emptyProblemOutcomeCounts,
  HANDLINGS,
  Handling,
  problemOutcomeCounts,
  ProblemOutcomeCounts,
  RecheckCounts,
} from '@platform/domain';
import { LedgerProblemDoc } from './rectification-ledger.documents';
import { addTrackerTallies, emptyTrackerTallies, trackerContribution, TrackerTallies } from './tracker-tallies';

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

const zero = (campaignId: string, unitId: string): UnitTallyDoc => ({ _id: `${campaignId}.${unitId}`, campaignId, unitId, ...emptyTallyCounts() });

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
    if (!t) out.set(key, (t = zero(campaignId, p.responsibleUnitId)));
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

/** The tallies after a problem changed from `before` to `after`: minus what it added, plus what it adds. */
export function retally(
  before: LedgerProblemDoc | null,
  after: LedgerProblemDoc,
  current: (id: string) => UnitTallyDoc | null,
): UnitTallyDoc[] {
  const old = contributions(before);
  const now = contributions(after);
  return [...new Set([...old.keys(), ...now.keys()])].map((id) => {
    const base = old.get(id) ?? now.get(id)!;
    const start = current(id) ?? zero(base.campaignId, base.unitId);
    const minus = old.get(id) ?? zero(base.campaignId, base.unitId);
    const plus = now.get(id) ?? zero(base.campaignId, base.unitId);
    const { _id, campaignId, unitId } = start;
    return { _id, campaignId, unitId, ...addTallyCounts(addTallyCounts(start, minus, -1), plus) };
  });
}
