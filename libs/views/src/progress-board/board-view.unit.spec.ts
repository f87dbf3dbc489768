import { NotFoundException } from '@nestjs/common';
import { MetricsVersion, OrganizationEvent, RANK_KEYS, RankKey, UNIT_TYPES, UnitStage } from '@platform/domain';
import { unitFilter } from '../shared/view-scope';
import { viewDocuments } from '../testing/view-documents';
import { launched, planned, problem, progress, registered, roundFailed, satisfaction, solved, step, STUDY_STEPS, tree } from '../testing/view-fixtures';
import { boardStageOrder } from './board-children';
import { boardChildren } from '../testing/board-children-reference';
import { BoardQuery, boardView } from './board-view';
import { RankedBoard } from './ranked-board';

const EVENTS = [
  launched(),
  progress('branch-1', 'ParticipationRecorded', { shouldAttend: 40, attended: 36, excused: [{ reason: '流动党员', count: 2 }] }),
  ...STUDY_STEPS.map((s) => step('branch-1', 'study', s)),
  ...solved('p-1', 'branch-1', '2026-04-30', '2026-04-20T09:00:00.000Z'),
  registered('p-2', 'branch-1'),
  planned('p-2', '2026-06-30'),
  progress('branch-2', 'ParticipationRecorded', { shouldAttend: 10, attended: 5, excused: [] }),
  step('branch-2', 'study', 'mobilization_meeting'),
  step('branch-2', 'study', 'centralized_study'),
  ...solved('p-3', 'branch-2', '2026-04-30', '2026-05-05T09:00:00.000Z'),
  ...solved('p-4', 'branch-2', '2026-04-30', '2026-04-28T09:00:00.000Z').slice(0, 4),
  step('branch-4', 'study', 'mobilization_meeting'),
  satisfaction('branch-4', 'SatisfactionRoundOpened', { round: 1, openedBy: 'op-4' }),
  roundFailed('branch-4', 1, 'op-4'),
];

const query = (over: Partial<BoardQuery> = {}): BoardQuery => ({
  root: null,
  unitType: null,
  phaseKey: null,
  stage: null,
  rankBy: 'completionRate',
  metricsVersion: 1,
  ...over,
});

async function board(q: Partial<BoardQuery> = {}, scope = { all: true, roots: [] as string[] }) {
  const docs = await viewDocuments(EVENTS);
  const t = tree();
  return boardView({ campaign: docs.campaigns[0], units: docs.units, tallies: docs.tallies, tree: t, filter: unitFilter(t, scope, q.root) }, query(q));
}

describe('board view', () => {
  it('ranks by the chosen rate, unknown last, ties broken by step completion then unit id', async () => {
    const v = await board();
    expect(v.rows.map((r) => [r.rank, r.unitId, r.metrics.completionRate, r.metrics.stepCompletion])).toEqual([
      [1, 'branch-1', 0.5, 1],
      [2, 'branch-2', 0.5, 0.5],
      [3, 'branch-4', null, 0.25],
      [4, 'branch-3', null, 0],
    ]);
    const bySatisfaction = await board({ rankBy: 'satisfactionRate' as RankKey });
    expect(bySatisfaction.rows[0]).toMatchObject({ unitId: 'branch-4', metrics: { satisfactionRate: 0.75 } });
  });

  it('shows each unit its phase, steps, transition, participation, problems by handling, rates and 补课 state', async () => {
    const v = await board();
    const b1 = v.rows.find((r) => r.unitId === 'branch-1')!;
    expect(b1).toMatchObject({
      name: '芙蓉社区党支部',
      unitTypeName: '街道社区',
      phase: { key: 'study', name: '学习动员' },
      stageName: '阶段进行中',
      transition: { status: 'none', statusName: '未申请转段' },
      counts: { steps: { requiredDone: 4, requiredTotal: 4 }, participation: { shouldAttend: 40, attended: 36, excused: 2 } },
      problemsByHandling: { solved: 1, by_deadline: 1, being_rectified: 0, deferred: 0, joint: 0 },
      metrics: { metricsVersion: 1, participationRate: 36 / 38, completionRate: 0.5, onTimeRate: 1, satisfactionRate: null, reboundRate: null },
    });
    expect(v.rows.find((r) => r.unitId === 'branch-4')).toMatchObject({ makeUpUnits: 1, satisfaction: { standing: 'make_up', standingName: '需补课' } });
    const b3 = v.rows.find((r) => r.unitId === 'branch-3')!;
    expect(b3.metrics).toMatchObject({ participationRate: null, completionRate: null, onTimeRate: null, satisfactionRate: null });
  });

  it('rolls up township, county and city by summing counts, never by averaging rates', async () => {
    const v = await board();
    expect(v.rollups.map((r) => [r.level, r.unitId, r.unitCount])).toEqual([
      ['city', 'city', 4],
      ['county', 'county-1', 3],
      ['county', 'county-2', 1],
      ['township', 'town-1', 2],
      ['township', 'town-2', 1],
      ['township', 'town-3', 1],
    ]);
    const town1 = v.rollups.find((r) => r.unitId === 'town-1')!;
    expect(town1.counts.participation).toEqual({ shouldAttend: 50, attended: 41, excused: 2 });
    expect(town1.metrics.participationRate).toBe(41 / 48);
    expect(town1.metrics.participationRate).not.toBe((36 / 38 + 5 / 10) / 2);
    expect(town1.metrics).toMatchObject({ stepCompletion: 6 / 8, completionRate: 2 / 4, onTimeRate: 1 / 2 });
    expect(v.overall).toMatchObject({ unitCount: 4, makeUpUnits: 1, counts: { problems: { total: 4, closed: 2 } } });
  });

  it('lists the root\'s direct children from all rows, whatever page of the ranking is asked for', async () => {
    const v = await board();
    const order = boardStageOrder(v.campaign.phases);
    const counted = (c: { stages: { count: number }[] }) => c.stages.reduce((n, s) => n + s.count, 0);
    const city = boardChildren(tree(), 'city', v.rows, v.rollups, order);
    expect(city.map((c) => [c.unitId, c.rollup?.unitCount, c.row, counted(c)])).toEqual([
      ['county-1', 3, null, 3],
      ['county-2', 1, null, 1],
    ]);
    expect(city[0].stages.map((s) => s.key).every((k) => order.includes(k))).toBe(true);
    const town = boardChildren(tree(), 'town-1', v.rows, v.rollups, order);
    expect(town.map((c) => [c.unitId, c.rollup, c.row?.rank, counted(c)])).toEqual([
      ['branch-1', null, 1, 1],
      ['branch-2', null, 2, 1],
    ]);
    expect(town[0].stages).toEqual([{ key: v.rows[0].phase!.key, name: v.rows[0].phase!.name, count: 1 }]);
  });

  it('recomputes the same documents under another metrics version', async () => {
    const v2 = await board({ metricsVersion: 2 as MetricsVersion });
    expect(v2.metricsVersion).toBe(2);
    expect(v2.rows[0]).toMatchObject({ unitId: 'branch-2', metrics: { completionRate: 1, onTimeRate: 0.5 } });
    expect(v2.overall.metrics.completionRate).toBe(3 / 4);
    expect((await board()).overall.metrics.completionRate).toBe(2 / 4);
  });

  it('counts only units in the actor scope, rows and roll-ups alike', async () => {
    const v = await board({}, { all: false, roots: ['town-2', 'county-2'] });
    expect(v.rows.map((r) => r.unitId).sort()).toEqual(['branch-3', 'branch-4']);
    expect(v.rollups.map((r) => [r.unitId, r.unitCount])).toEqual([
      ['city', 2],
      ['county-1', 1],
      ['county-2', 1],
      ['town-2', 1],
      ['town-3', 1],
    ]);
    expect(v.overall.counts.problems.total).toBe(0);
    await expect(board({ root: 'town-1' }, { all: false, roots: ['town-2'] })).rejects.toBeInstanceOf(NotFoundException);
  });

  it('filters by subtree, unit type and phase', async () => {
    expect((await board({ root: 'town-1' })).rows.map((r) => r.unitId)).toEqual(['branch-1', 'branch-2']);
    expect((await board({ unitType: 'rural' })).rows.map((r) => r.unitId)).toEqual(['branch-4', 'branch-3']);
    expect((await board({ phaseKey: 'analysis' })).total).toBe(0);
    expect((await board({ phaseKey: 'study' })).total).toBe(4);
  });

  it('attributes look-back re-checks to the look-back campaign for the rebound rate', async () => {
    const docs = await viewDocuments([
      ...EVENTS,
      launched('htk-1', ['branch-1', 'branch-2']),
      problem('p-1', 'RecheckHeld', { lookBackCampaignId: 'htk-1', cycle: 1, finding: '巩固', checkedBy: 'insp-1' }),
      problem('p-3', 'ProblemRebounded', { lookBackCampaignId: 'htk-1', previousCycle: 1, cycle: 2, finding: '反弹', checkedBy: 'insp-1' }),
    ]);
    const t = tree();
    const lookBack = docs.campaigns.find((c) => c.campaignId === 'htk-1')!;
    const v = boardView({ campaign: lookBack, units: docs.units.filter((u) => u.campaignId === 'htk-1'), tallies: docs.tallies.filter((x) => x.campaignId === 'htk-1'), tree: t, filter: unitFilter(t, { all: true, roots: [] }, null) }, query());
    expect(v.overall.counts.rechecks).toEqual({ rechecked: 2, rebounded: 1 });
    expect(v.overall.metrics.reboundRate).toBe(0.5);
    // The reopened problem is back in the look-back's ledger; the held one stays in its own campaign's.
    expect(v.overall.counts.problems.total).toBe(1);
  });
});

/**
 * The board prepared once per moment answers every request exactly as computing the board for
 * that request alone does: same rows, ranks, roll-ups and overall figures, whatever the scope,
 * filters, rank key and rules.
 */
describe('ranked board', () => {
  it('equals the board computed per request, for every scope, filter and rank key, whole or one page with the root\'s children', async () => {
    const docs = await viewDocuments(EVENTS);
    const t = tree();
    const scopes = [
      { all: true, roots: [] as string[] },
      { all: false, roots: ['town-1', 'branch-4'] },
      { all: false, roots: ['county-1'] },
    ];
    const roots = [null, 'county-1', 'town-1'];
    const stages: Array<UnitStage | null> = [null, 'in_phase', 'concluded'];
    let compared = 0;
    for (const metricsVersion of [1, 2] as MetricsVersion[]) {
      for (const handlingVersion of [1, 2] as const) {
        const ranked = new RankedBoard({ campaign: docs.campaigns[0], units: docs.units, tallies: docs.tallies, tree: t }, { metricsVersion, handlingVersion });
        for (const scope of scopes) {
          for (const root of roots) {
            let filter;
            try {
              filter = unitFilter(t, scope, root);
            } catch {
              continue;
            }
            for (const rankBy of RANK_KEYS) {
              for (const unitType of [null, ...UNIT_TYPES.slice(0, 3)]) {
                for (const stage of stages) {
                  for (const phaseKey of [null, 'study']) {
                    const q: BoardQuery = { root, unitType, phaseKey, stage, rankBy, metricsVersion, handlingVersion };
                    const expected = boardView({ campaign: docs.campaigns[0], units: docs.units, tallies: docs.tallies, tree: t, filter }, q);
                    expect(JSON.stringify(ranked.view(t, filter, q))).toEqual(JSON.stringify(expected));
                    // A page: the same rows and figures, the root's roll-up, its children (with theirs) from every row.
                    const rootId = root ?? 'city';
                    const shown = new Set([rootId]);
                    const children = boardChildren(t, rootId, expected.rows, expected.rollups, boardStageOrder(expected.campaign.phases));
                    for (const { skip, limit } of [{ skip: 0, limit: 2 }, { skip: 1, limit: 50 }]) {
                      const paged = { ...expected, rows: expected.rows.slice(skip, skip + limit), rollups: expected.rollups.filter((r) => shown.has(r.unitId)), children };
                      expect(JSON.stringify(ranked.page(t, filter, q, { skip, limit }, rootId))).toEqual(JSON.stringify(paged));
                    }
                    compared++;
                  }
                }
              }
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('prepared from one scope\'s units and tallies alone, answers that scope as the whole campaign\'s board does', async () => {
    const docs = await viewDocuments(EVENTS);
    const t = tree();
    let compared = 0;
    for (const handlingVersion of [1, 2] as const) {
      const rules = { metricsVersion: 2 as MetricsVersion, handlingVersion };
      const whole = new RankedBoard({ campaign: docs.campaigns[0], units: docs.units, tallies: docs.tallies, tree: t }, rules);
      for (const scope of [{ all: true, roots: [] as string[] }, { all: false, roots: ['town-1', 'branch-4'] }, { all: false, roots: ['county-1'] }]) {
        for (const root of [null, 'county-1', 'county-2', 'town-1']) {
          let filter;
          try {
            filter = unitFilter(t, scope, root);
          } catch {
            continue;
          }
          if (filter.ids === null) continue;
          const visible = filter.visible;
          const scoped = new RankedBoard({ campaign: docs.campaigns[0], units: docs.units.filter((u) => visible(u.unitId)), tallies: docs.tallies.filter((x) => visible(x.unitId)), tree: t }, rules);
          for (const rankBy of RANK_KEYS) {
            for (const unitType of [null, ...UNIT_TYPES.slice(0, 2)]) {
              for (const stage of [null, 'in_phase'] as Array<UnitStage | null>) {
                const q: BoardQuery = { root, unitType, phaseKey: null, stage, rankBy, ...rules };
                const rootId = root ?? (t.rootIds().length === 1 ? t.rootIds()[0] : null);
                for (const page of [{ skip: 0, limit: 2 }, { skip: 1, limit: 50 }]) {
                  expect(JSON.stringify(scoped.page(t, filter, q, page, rootId))).toEqual(JSON.stringify(whole.page(t, filter, q, page, rootId)));
                  compared++;
                }
              }
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

/**
 * Past moments share their unchanged documents by identity (stored versions parsed once, frozen):
 * rows remembered for one moment must serve the next only where nothing they show changed.
 */
describe('ranked board over frozen documents shared between moments', () => {
  const deepFreeze = <T>(v: T): T => {
    if (v && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) deepFreeze(child);
    }
    return v;
  };
  /** B's documents, taking A's object wherever the document is the same (as the parsed versions do). */
  const sharing = <T extends { _id: string }>(a: readonly T[], b: readonly T[]): T[] => {
    const byId = new Map(a.map((d) => [d._id, d]));
    return b.map((d) => {
      const same = byId.get(d._id);
      return same && JSON.stringify(same) === JSON.stringify(d) ? same : d;
    });
  };

  it('equals the board computed per request at each moment, under each rule and after a rename', async () => {
    const earlier = await viewDocuments(EVENTS.slice(0, 12));
    const later = await viewDocuments(EVENTS);
    const moments = [
      { campaign: earlier.campaigns[0], units: deepFreeze(earlier.units), tallies: deepFreeze(earlier.tallies) },
      { campaign: later.campaigns[0], units: deepFreeze(sharing(earlier.units, later.units)), tallies: deepFreeze(sharing(earlier.tallies, later.tallies)) },
    ];
    expect(moments[1].units.some((u, i) => u === moments[0].units[i])).toBe(true);
    const changes = [
      { type: 'UnitRenamed', data: { unitId: 'branch-1', name: '改名后的支部' } },
      { type: 'UnitMoved', data: { unitId: 'branch-4', parentId: 'town-1' } },
    ];
    let compared = 0;
    for (const metricsVersion of [1, 2] as MetricsVersion[]) {
      for (const handlingVersion of [1, 2] as const) {
        // One tree changed in place between the moments, as a tree folding events changes its nodes.
        const t = tree();
        for (const change of [null, ...changes]) {
          if (change) t.apply(change as unknown as OrganizationEvent);
          for (const m of [...moments, moments[0]]) {
            const ranked = new RankedBoard({ ...m, tree: t }, { metricsVersion, handlingVersion });
            const filter = unitFilter(t, { all: true, roots: [] }, null);
            const q: BoardQuery = { ...query({ metricsVersion }), handlingVersion };
            const fresh = structuredClone({ units: m.units, tallies: m.tallies });
            const expected = boardView({ campaign: m.campaign, ...fresh, tree: t, filter }, q);
            expect(JSON.stringify(ranked.view(t, filter, q))).toEqual(JSON.stringify(expected));
            // The board per request (a notice's) remembers the same rows.
            expect(JSON.stringify(boardView({ ...m, tree: t, filter }, q))).toEqual(JSON.stringify(expected));
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(36);
  });
});

/**
 * A prepared board keeps each scope's page but the rows (see RankedBoard.scoped): asked again, it
 * answers from what it kept; once the tree changes (a rename changes no projection's checkpoint,
 * so the prepared board stays) it works the scope out again from the tree as it is.
 */
describe('ranked board pages kept per scope', () => {
  const expectedPage = (docs: Awaited<ReturnType<typeof viewDocuments>>, t: ReturnType<typeof tree>, scope: { all: boolean; roots: string[] }, root: string | null, q: BoardQuery, page: { skip: number; limit: number }) => {
    const expected = boardView({ campaign: docs.campaigns[0], units: docs.units, tallies: docs.tallies, tree: t, filter: unitFilter(t, scope, root) }, q);
    const rootId = root ?? 'city';
    const children = boardChildren(t, rootId, expected.rows, expected.rollups, boardStageOrder(expected.campaign.phases));
    return JSON.stringify({ ...expected, rows: expected.rows.slice(page.skip, page.skip + page.limit), rollups: expected.rollups.filter((r) => r.unitId === rootId), children });
  };

  /** A board prepared under the current handling rule, with the whole tree's scope. */
  const prepared = async () => {
    const docs = await viewDocuments(EVENTS);
    const t = tree();
    const ranked = new RankedBoard({ campaign: docs.campaigns[0], units: docs.units, tallies: docs.tallies, tree: t }, { metricsVersion: 1, handlingVersion: 2 });
    return { docs, t, ranked, q: { ...query(), handlingVersion: 2 } as BoardQuery, all: { all: true, roots: [] as string[] } };
  };

  it('answers a scope asked again from what it kept, each page with its own rows and ranks', async () => {
    const { docs, t, ranked, q, all } = await prepared();
    const first = ranked.page(t, unitFilter(t, all, null), q, { skip: 0, limit: 2 }, 'city');
    const again = ranked.page(t, unitFilter(t, all, null), q, { skip: 2, limit: 2 }, 'city');
    expect(again.children).toBe(first.children);
    expect(first.rows.map((r) => r.rank)).toEqual([1, 2]);
    expect(again.rows.map((r) => r.rank)).toEqual([3, 4]);
    expect(JSON.stringify(first)).toEqual(expectedPage(docs, t, all, null, q, { skip: 0, limit: 2 }));
    expect(JSON.stringify(again)).toEqual(expectedPage(docs, t, all, null, q, { skip: 2, limit: 2 }));
    // Another scope, rank key or filter is a scope of its own.
    const inspector = { all: false, roots: ['town-1'] };
    expect(JSON.stringify(ranked.page(t, unitFilter(t, inspector, null), q, { skip: 0, limit: 50 }, 'city'))).toEqual(expectedPage(docs, t, inspector, null, q, { skip: 0, limit: 50 }));
    const bySteps: BoardQuery = { ...q, rankBy: 'stepCompletion' };
    expect(JSON.stringify(ranked.page(t, unitFilter(t, all, null), bySteps, { skip: 0, limit: 50 }, 'city'))).toEqual(expectedPage(docs, t, all, null, bySteps, { skip: 0, limit: 50 }));
    const inPhase: BoardQuery = { ...q, stage: 'in_phase' };
    expect(JSON.stringify(ranked.page(t, unitFilter(t, all, null), inPhase, { skip: 0, limit: 50 }, 'city'))).toEqual(expectedPage(docs, t, all, null, inPhase, { skip: 0, limit: 50 }));
    // A filter built ad hoc (no key) is worked out each time, to the same answer.
    const adHoc = { visible: () => true, ids: null };
    const once = ranked.page(t, adHoc, q, { skip: 0, limit: 2 }, 'city');
    expect(ranked.page(t, adHoc, q, { skip: 0, limit: 2 }, 'city').children).not.toBe(once.children);
    expect(JSON.stringify(once)).toEqual(JSON.stringify(first));
  });

  it('takes a listed scope\'s rows by their places in the ranking: the rest of the campaign not visited', async () => {
    const { docs, t, ranked, q } = await prepared();
    const town = unitFilter(t, { all: false, roots: ['town-1'] }, null);
    const asked: string[] = [];
    // Beside a unit the board does not hold, each unit counted as it is tested.
    const listed = { visible: (u: string) => (asked.push(u), town.visible(u)), ids: [...town.ids!, 'no-such-unit'] };
    const expected = boardView({ campaign: docs.campaigns[0], units: docs.units, tallies: docs.tallies, tree: t, filter: town }, q);
    expect(JSON.stringify(ranked.view(t, listed, q))).toEqual(JSON.stringify(expected));
    const outside = docs.units.map((u) => u.unitId).filter((u) => !town.visible(u));
    expect(outside.length).toBeGreaterThan(0);
    expect(asked.filter((u) => outside.includes(u))).toEqual([]);
  });

  it('works a scope out again once the tree changed in place (a rename)', async () => {
    const { docs, t, ranked, q, all } = await prepared();
    const pageOf = (root: string | null) => ranked.page(t, unitFilter(t, all, root), { ...q, root }, { skip: 0, limit: 50 }, root ?? 'city');
    const before = pageOf(null);
    pageOf('county-1');
    t.apply({ type: 'UnitRenamed', data: { unitId: 'county-1', name: '改名后的县' } } as unknown as OrganizationEvent);
    t.apply({ type: 'UnitRenamed', data: { unitId: 'branch-1', name: '改名后的支部' } } as unknown as OrganizationEvent);
    const after = pageOf(null);
    expect(after.children).not.toBe(before.children);
    expect(after.children.find((c) => c.unitId === 'county-1')?.name).toBe('改名后的县');
    expect(after.rows.find((r) => r.unitId === 'branch-1')?.name).toBe('改名后的支部');
    expect(JSON.stringify(after)).toEqual(expectedPage(docs, t, all, null, q, { skip: 0, limit: 50 }));
    expect(JSON.stringify(pageOf('county-1'))).toEqual(expectedPage(docs, t, all, 'county-1', { ...q, root: 'county-1' }, { skip: 0, limit: 50 }));
  });
});
