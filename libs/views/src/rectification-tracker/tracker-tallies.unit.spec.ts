import fc from 'fast-check';
import { WarningThresholds } from '@platform/domain';
import { unitFilter } from '../shared/view-scope';
import { day, ledgerDoc, problem } from '../testing/ledger-arbitraries';
import { tree } from '../testing/view-fixtures';
import { LedgerProblemDoc } from './rectification-ledger.documents';
import { trackProblem } from './tracked-problem';
import { trackerSummary, trackerSummaryOfSubtrees, trackerSummaryOfTallies } from './tracker-summary';
import { addTallyCounts, addTallyCountsInto, contributions, emptyTallyCounts, retally, TallyCounts, UnitTallyDoc, zeroLeaves } from './unit-tallies';

/**
 * The tracker summary reads per-unit tallies the ledger keeps as problems change (subtracting what
 * a problem counted before an event, adding what it counts after). Whatever the changes, the day,
 * the thresholds and the scope, it must equal the summary of tracking every problem on that day.
 */
describe('tracker summary from the per-unit tallies', () => {
  it('equals tracking every problem on the view’s day', () => {
    const t = tree();
    fc.assert(
      fc.property(
        fc.array(fc.array(problem, { minLength: 1, maxLength: 3 }), { maxLength: 25 }),
        fc.option(day, { nil: null }),
        fc.record({ yellowDays: fc.integer({ min: 0, max: 15 }), greenDays: fc.integer({ min: 0, max: 30 }) }),
        fc.constantFrom<string | null>(null, 'county-1', 'town-1'),
        fc.constantFrom(1 as const, 2 as const),
        fc.constantFrom<{ all: boolean; roots: string[] }>({ all: true, roots: [] }, { all: false, roots: ['town-1', 'branch-4'] }, { all: false, roots: ['county-1'] }),
        (histories, today, thresholds: WarningThresholds, root, version, scope) => {
          const tallies = new Map<string, UnitTallyDoc>();
          const finals: LedgerProblemDoc[] = [];
          histories.forEach((shapes, i) => {
            // A problem's unit does not change: every version keeps the first one's.
            let before: LedgerProblemDoc | null = null;
            for (const shape of shapes) {
              const after = ledgerDoc(i, { ...shape, unitId: shapes[0].unitId });
              for (const { tally } of retally(before, after, (id) => tallies.get(id) ?? null)) tallies.set(tally._id, tally);
              before = after;
            }
            finals.push(before!);
          });
          const units = unitFilter(t, scope, scope.roots.includes(root ?? '') || scope.all ? root : null);
          const fromTallies = trackerSummaryOfTallies([...tallies.values()], today, thresholds, t, units, version);
          const fromProblems = trackerSummary(finals, finals.map((d) => trackProblem(d, today, t, thresholds)), t, units, version);
          expect(fromTallies).toEqual(fromProblems);
          // A past moment's tallies are frozen and shared by nearby moments, which keep what they derive from them:
          // asked again, on another day and by the other metrics version, the kept figures give the same summaries.
          const frozen = [...tallies.values()].map((x) => deepFreeze(structuredClone(x)));
          const otherDay = today === null ? '2005-06-01' : null;
          const other = (3 - version) as 1 | 2;
          for (let again = 0; again < 2; again++) {
            expect(trackerSummaryOfTallies(frozen, today, thresholds, t, units, version)).toEqual(fromTallies);
            expect(trackerSummaryOfTallies(frozen, otherDay, thresholds, t, units, other)).toEqual(trackerSummaryOfTallies([...tallies.values()], otherDay, thresholds, t, units, other));
          }
          // The live path: roll-ups from per-node sums of the subtrees, only a page of unit tallies.
          const subtrees = new Map(
            t.all().map((n) => [n.unitId, [...tallies.values()].filter((x) => t.isWithin(x.unitId, n.unitId)).reduce((sum, x) => addTallyCounts(sum, x), emptyTallyCounts())]),
          );
          const page = [...tallies.values()].filter((x) => x.tracker.total > 0 && units.visible(x.unitId)).sort((a, b) => (a.unitId < b.unitId ? -1 : 1));
          const fromSubtrees = trackerSummaryOfSubtrees({ page, subtrees, today, thresholds, tree: t, filter: units }, version);
          expect(fromSubtrees).toEqual({ units: fromTallies.units, rollups: fromTallies.rollups, overall: fromTallies.overall });
          for (const tally of tallies.values()) {
            for (const n of [...Object.values(tally.tracker.runningDeadlines), ...Object.values(tally.tracker.openPartDeadlines)]) expect(n).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sums made in place give the very JSON of sums made by copying, days dropped and added back in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(problem, fc.constantFrom(1, -1)), { maxLength: 30 }), (changes) => {
        let copied: TallyCounts = emptyTallyCounts();
        let held: TallyCounts = emptyTallyCounts();
        changes.forEach(([shape, sign], i) => {
          for (const c of contributions(ledgerDoc(i % 4, shape)).values()) {
            copied = addTallyCounts(copied, c, sign);
            held = addTallyCountsInto(JSON.parse(JSON.stringify(held)) as TallyCounts, c, sign);
            expect(JSON.stringify(held)).toBe(JSON.stringify(copied));
            expect(zeroLeaves(addTallyCounts(copied, held, -1))).toBe(true);
          }
        });
        expect(zeroLeaves(copied)).toBe(JSON.stringify(copied) === JSON.stringify(emptyTallyCounts()));
      }),
      { numRuns: 300 },
    );
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
