import fc from 'fast-check';
import { PROBLEM_STATUSES, ProblemStatus, WARNING_LEVELS, WarningLevel, WarningThresholds } from '@platform/domain';
import { DECIMAL_POSITION_TOKENS } from '@platform/event-store';
import { InMemoryReadStore, ReadStore, SqliteReadStore, upsert } from '@platform/read-models';
import { unitFilter } from '../shared/view-scope';
import { ViewMoment } from '../shared/view-moment';
import { CAMPAIGN, tree } from '../testing/view-fixtures';
import { day, ledgerDoc, problem } from '../testing/ledger-arbitraries';
import { rectificationLedgerProjection } from './rectification-ledger.projection';
import { LEDGER_CAMPAIGNS, LEDGER_PROBLEMS, LedgerPart, LedgerProblemDoc, NO_RUNNING_DEADLINE } from './rectification-ledger.documents';
import { listKeyOf, runningDeadlineOf, urgencyKeyOf } from './running-deadline';
import { TrackedProblem, trackProblem } from './tracked-problem';
import { readProblemPage } from './tracker-reader';

/**
 * The list pushes its day-dependent filters and its urgency order into the store as ranges on each
 * problem's running deadline. Whatever the day, thresholds, filters and page, it must list exactly
 * what tracking every problem on that day and filtering, sorting and paging in memory would.
 */
/**
 * The order users expect, worked out from the tracked problem: overdue first, then problems whose
 * clock runs by their nearest running deadline, then stopped ones by their own deadline, then id.
 */
function urgencyOrder(a: { d: LedgerProblemDoc; p: TrackedProblem }, b: { d: LedgerProblemDoc; p: TrackedProblem }): number {
  const running = (d: LedgerProblemDoc) => ['planned', 'in_progress', 'joint'].includes(d.status);
  const nearest = (d: LedgerProblemDoc) =>
    [d.deadline, ...(d.joint?.parts ?? []).filter((x) => !x.closed).map((x) => x.deadline)].filter((x): x is string => !!x).sort()[0] ?? NO_RUNNING_DEADLINE;
  const key = (x: { d: LedgerProblemDoc; p: TrackedProblem }): [number, number, string, string] => [
    x.p.overdue ? 0 : 1,
    running(x.d) ? 0 : 1,
    running(x.d) ? nearest(x.d) : (x.d.deadline ?? NO_RUNNING_DEADLINE),
    x.d._id,
  ];
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return 0;
}

describe('tracker problem page', () => {
  it.each([
    ['SQLite', () => new SqliteReadStore({ file: ':memory:' })],
    ['in-memory', () => new InMemoryReadStore()],
  ])('pages exactly what filtering every tracked problem in memory gives (%s)', async (_, open) => {
    const t = tree();
    await fc.assert(
      fc.asyncProperty(
        fc.array(problem, { maxLength: 30 }),
        fc.option(day, { nil: null }),
        fc.record({ yellowDays: fc.integer({ min: 0, max: 15 }), greenDays: fc.integer({ min: 0, max: 30 }) }),
        fc.uniqueArray(fc.constantFrom<WarningLevel>(...WARNING_LEVELS), { maxLength: 4 }),
        fc.constantFrom<boolean | null>(null, true, false),
        fc.nat(12),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom<string | null>(null, 'county-1'),
        // One status with a warning level is read off a range of that status's running deadlines.
        fc.subarray<ProblemStatus>([...PROBLEM_STATUSES], { maxLength: 2 }),
        async (problems, today, thresholds: WarningThresholds, levels, overdue, skip, limit, root, statuses) => {
          const store: ReadStore = open();
          try {
            const indexes = rectificationLedgerProjection.indexes?.[LEDGER_PROBLEMS];
            if (indexes) await store.ensureIndexes?.(LEDGER_PROBLEMS, indexes);
            const docs = problems.map((p, i) => ledgerDoc(i, p));
            const campaign = { _id: CAMPAIGN, campaignId: CAMPAIGN, name: '活动', parentCampaignId: null, warningThresholds: thresholds };
            await store.commit({
              projection: 'rectification-ledger',
              version: 1,
              fromPosition: 0,
              toPosition: 1,
              writes: [upsert(LEDGER_CAMPAIGNS, campaign), ...docs.map((d) => upsert(LEDGER_PROBLEMS, d))],
            });
            const moment: ViewMoment = { position: 1, positions: DECIMAL_POSITION_TOKENS, at: today && `${today}T08:00:00.000Z`, live: true, stale: false, lag: null, tree: t, store: () => store };
            const units = unitFilter(t, { all: true, roots: [] }, root);
            const filters = { statuses, handlings: [], sources: [], warningLevels: levels, overdue };

            const expected = docs
              .filter((d) => units.visible(d.responsibleUnitId) && (!statuses.length || statuses.includes(d.status)))
              .map((d) => ({ d, p: trackProblem(d, today, t, thresholds) }))
              .filter(({ p }) => (!levels.length || levels.includes(p.warningLevel)) && (overdue === null || p.overdue === overdue))
              .sort(urgencyOrder)
              .map(({ p }) => p);
            const page = await readProblemPage(moment, campaign, filters, units, { skip, limit });
            expect(page.total).toBe(expected.length);
            expect(page.totalMoreThan).toBeNull();
            expect(page.items).toEqual(expected.slice(skip, skip + limit));
            expect(page.next === null).toBe(skip + limit >= expected.length);
            // Following the cursors from the first page lists every match once, in order.
            const walked: TrackedProblem[] = [];
            for (let after: string | null = null, first = true; first || after !== null; first = false) {
              const next: Awaited<ReturnType<typeof readProblemPage>> = await readProblemPage(moment, campaign, filters, units, { skip: 0, limit, after });
              walked.push(...next.items);
              after = next.next;
            }
            expect(walked).toEqual(expected);
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 250 },
    );
  });
});
