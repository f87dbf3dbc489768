import { OrganizationTree, RankKey } from '@platform/domain';
import { subtreeRollups, subtreeSumNodes } from '../shared/rollups';
import { UnitFilter } from '../shared/view-scope';
import { BoardChild, boardStageOrder, stageOf } from './board-children';
import { addRow, BoardInput, boardHeader, BoardQuery, BoardRollup, BoardRow, boardRows, BoardView, emptySum, passesBoardFilters, rankOrder, Sum, withMetrics } from './board-view';
import { BoardUnitDoc } from './progress-board.documents';

type Row = Omit<BoardRow, 'rank'>;
interface Entry {
  readonly unit: BoardUnitDoc;
  readonly row: Row;
  /** Where the unit stands in the campaign (a phase, or a stage after them): the children's chart counts these. */
  readonly stage: string;
}

/** The entries sorted by one rank key, and each unit's place among them. */
interface Ranking {
  readonly entries: readonly Entry[];
  readonly places: ReadonlyMap<string, number>;
}

/** Per tree node, over what lies below it (the node's own row apart): the sums and the units per stage. */
interface Below {
  readonly sums: Map<string, Sum>;
  readonly stages: Map<string, Map<string, number>>;
}

/** A scope's ranked entries, and its page without the rows (shared by every request for it: never changed). */
interface Scoped {
  readonly passing: readonly Entry[];
  readonly whole: BoardPage;
}

/**
 * Scopes kept per prepared board: a whole-city scope's page is about 0.5 MiB at twice the demo
 * city (a line per county-level unit), a county's or a filtered one's a tenth of that.
 */
const SCOPES_KEPT = 32;

/** A page of the ranking with what the board's page shows beside it: the root's roll-up, and its children with theirs (not every township of a city). */
export interface BoardPage extends BoardView {
  /** The root's direct children (see BoardChild), counted over every row of the view, not the page. */
  readonly children: BoardChild[];
}

/**
 * A campaign's board at one moment under one metrics and handling rule, prepared once and shared
 * by every request for that moment (see readBoard's memo): each unit's row built once, the rows
 * ranked once per rank key, and the sums of every tree node's subtree once per filter of unit type,
 * phase and stage. A request then only walks the ranked rows to keep the visible ones (their ranks
 * are their places among those) and reads its roll-ups from the sums of the nodes in its scope:
 * the whole city costs its roll-up nodes, not a sum over every unit per request. What it takes from
 * the tree beside names (types, parents) changes only with events the ledger projects, so a
 * prepared board is never older than the tree's shape it was summed over.
 */
export class RankedBoard {
  private readonly entries: Entry[];
  private readonly ranked = new Map<RankKey, Ranking>();
  private readonly below = new Map<string, Below>();
  private readonly byUnit: Map<string, Entry>;
  private readonly stageNames = new Map<string, string>();
  private readonly stageOrder: readonly string[];
  private readonly scopes = new WeakMap<OrganizationTree, { revision: number; views: Map<string, Scoped> }>();

  constructor(
    private readonly input: Omit<BoardInput, 'filter'>,
    private readonly rules: Pick<BoardQuery, 'metricsVersion' | 'handlingVersion'>,
  ) {
    const row = boardRows(input, rules);
    this.entries = input.units.map((unit) => {
      const r = row(unit);
      const stage = stageOf(r);
      this.stageNames.set(stage.key, stage.name);
      return { unit, row: r, stage: stage.key };
    });
    this.byUnit = new Map(this.entries.map((e) => [e.unit.unitId, e]));
    this.stageOrder = boardStageOrder(input.campaign.phases);
  }

  /** Equal to boardView(input with this filter, q) for a query under the same rules. */
  view(tree: OrganizationTree, filter: UnitFilter, q: BoardQuery): BoardView {
    return this.walk(tree, filter, q, () => true);
  }

  /**
   * One page of view(…)'s rows (ranks as in the whole ranking) with its total and overall figures,
   * the root's roll-up (without a root: the tree's roots'), and the root's children as
   * boardChildren counts them from every row, each with its roll-up. Only the page's rows and the
   * children's own rows are built; the children's stages come from the prepared subtree counts.
   * What does not depend on the page is kept per scope (see scoped).
   */
  page(tree: OrganizationTree, filter: UnitFilter, q: BoardQuery, page: { skip: number; limit: number }, rootId: string | null): BoardPage {
    const { passing, whole } = this.scoped(tree, filter, q, rootId);
    const rows = passing.slice(page.skip, page.skip + page.limit).map((e, i) => rowOf(tree, e, page.skip + i + 1));
    return { ...whole, rows };
  }

  /**
   * The scope's ranked rows and everything of its page but the rows, kept per scope, filters and
   * rank key while the tree is the same (its revision: names and levels are read from it): a city's
   * board has one line per county-level unit under the city, so summing and listing them was most
   * of a whole-city request beside writing the answer. Kept in this prepared board, so they go
   * with it when a batch lands; a filter without a key (built ad hoc) is worked out each time.
   */
  private scoped(tree: OrganizationTree, filter: UnitFilter, q: BoardQuery, rootId: string | null): Scoped {
    const key = filter.key === undefined ? null : JSON.stringify([filter.key, rootId, q.unitType, q.phaseKey, q.stage, q.rankBy, q.metricsVersion, q.handlingVersion ?? null]);
    let kept = this.scopes.get(tree);
    if (kept && kept.revision !== tree.revision) kept = undefined;
    const known = key === null ? undefined : kept?.views.get(key);
    if (known) return known;
    const own = new Map<string, BoardRow>();
    const childIds = new Set(rootId ? tree.childIds(rootId) : []);
    const shown = new Set(rootId ? [rootId] : tree.rootIds());
    const passing: Entry[] = [];
    const view = this.walk(tree, filter, q, () => false, { ids: childIds, rows: own, passing }, (id) => shown.has(id) || childIds.has(id));
    const children = rootId ? this.children(tree, filter, q, rootId, own, view.rollups) : [];
    // The children's roll-ups are in their lines.
    const scoped: Scoped = { passing, whole: { ...view, rollups: view.rollups.filter((r) => shown.has(r.unitId)), children } };
    if (key === null) return scoped;
    if (!kept) this.scopes.set(tree, (kept = { revision: tree.revision, views: new Map() }));
    kept.views.set(key, scoped);
    if (kept.views.size > SCOPES_KEPT) kept.views.delete(kept.views.keys().next().value!);
    return scoped;
  }

  /**
   * The ranked rows that pass the scope and filters: each counted, built only when `keep` wants its
   * rank or `also` its unit (into also.rows), with the roll-ups (those `shown`) from the prepared sums.
   */
  private walk(
    tree: OrganizationTree,
    filter: UnitFilter,
    q: BoardQuery,
    keep: (rank: number) => boolean,
    also?: { ids: ReadonlySet<string>; rows: Map<string, BoardRow>; passing?: Entry[] },
    shown: (unitId: string) => boolean = () => true,
  ): BoardView {
    const sums = this.subtreeSums(q);
    const { rollups, overall } = subtreeRollups(tree, filter, sums, emptySum, plus, (s) => s.unitCount > 0);
    const rows: BoardRow[] = [];
    let total = 0;
    for (const e of this.inScope(filter, q.rankBy)) {
      if (!filter.visible(e.unit.unitId) || !passesBoardFilters(e.unit, e.row.unitType, q)) continue;
      total += 1;
      also?.passing?.push(e);
      // Units the tree does not hold belong to no subtree, yet count in the overall figures.
      if (!tree.has(e.unit.unitId)) addRow(overall, e.row);
      const kept = keep(total);
      const wanted = !!also?.ids.has(e.unit.unitId);
      if (!kept && !wanted) continue;
      const row = rowOf(tree, e, total);
      if (kept) rows.push(row);
      if (wanted) also!.rows.set(row.unitId, row);
    }
    return {
      ...boardHeader(this.input.campaign, q),
      total,
      rows,
      rollups: rollups.filter((r) => shown(r.unitId)).map(({ sum, ...node }): BoardRollup => ({ ...node, ...withMetrics(sum, q.metricsVersion) })),
      overall: withMetrics(overall, q.metricsVersion),
    };
  }

  /**
   * The lines of boardChildren from the prepared counts: a child in scope counts its whole subtree;
   * one above the scope (a county over the township an inspector covers) the scope's top nodes under it.
   */
  private children(tree: OrganizationTree, filter: UnitFilter, q: BoardQuery, rootId: string, own: ReadonlyMap<string, BoardRow>, rollups: readonly BoardRollup[]): BoardChild[] {
    const below = this.prepared(q);
    const rollupById = new Map(rollups.map((r) => [r.unitId, r]));
    let topsUnder: Map<string, string[]> | null = null;
    const lines: BoardChild[] = [];
    const rank = (key: string) => (this.stageOrder.includes(key) ? this.stageOrder.indexOf(key) : this.stageOrder.length);
    for (const unitId of tree.childIds(rootId)) {
      const stages = new Map<string, number>();
      if (filter.visible(unitId)) this.addStages(stages, below, unitId, q);
      else for (const top of (topsUnder ??= this.topsByChild(tree, filter, rootId)).get(unitId) ?? []) this.addStages(stages, below, top, q);
      if (stages.size === 0) continue;
      lines.push({
        unitId,
        name: tree.get(unitId)?.name ?? unitId,
        rollup: rollupById.get(unitId) ?? null,
        row: own.get(unitId) ?? null,
        stages: [...stages]
          .map(([key, count]) => ({ key, name: this.stageNames.get(key) ?? key, count }))
          .sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key)),
      });
    }
    return lines.sort((a, b) => a.unitId.localeCompare(b.unitId));
  }

  /** The units per stage in a node's subtree (itself included) that pass the query's filters. */
  private addStages(into: Map<string, number>, below: Below, unitId: string, q: BoardQuery): void {
    for (const [key, n] of below.stages.get(unitId) ?? []) into.set(key, (into.get(key) ?? 0) + n);
    const e = this.byUnit.get(unitId);
    if (this.passing(e, q)) into.set(e!.stage, (into.get(e!.stage) ?? 0) + 1);
  }

  /** The scope's top nodes, by the child of the root they lie under. */
  private topsByChild(tree: OrganizationTree, filter: UnitFilter, rootId: string): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const top of subtreeSumNodes(tree, filter).tops) {
      const path = [...tree.ancestorIds(top), top];
      const child = path[path.indexOf(rootId) + 1];
      if (path.includes(rootId) && child) out.set(child, [...(out.get(child) ?? []), top]);
    }
    return out;
  }

  private rankedBy(rankBy: RankKey): Ranking {
    let ranked = this.ranked.get(rankBy);
    if (!ranked) {
      const order = rankOrder(rankBy);
      const entries = [...this.entries].sort((a, b) => order(a.row, b.row));
      ranked = { entries, places: new Map(entries.map((e, i) => [e.unit.unitId, i])) };
      this.ranked.set(rankBy, ranked);
    }
    return ranked;
  }

  /**
   * The entries a filter may show, in rank order. A filter that lists its units (a county, an
   * inspector's groups) takes theirs by their places in the ranking, so one county of a city costs
   * its own units, not a walk over every unit of the campaign.
   */
  private inScope(filter: UnitFilter, rankBy: RankKey): readonly Entry[] {
    const { entries, places } = this.rankedBy(rankBy);
    if (filter.ids === null) return entries;
    const at = new Int32Array(filter.ids.length);
    let n = 0;
    for (const id of filter.ids) {
      const place = places.get(id);
      if (place !== undefined) at[n++] = place;
    }
    // A typed array sorts numerically, without a comparator per pair.
    return Array.from(at.subarray(0, n).sort(), (place) => entries[place]);
  }

  private passing(e: Entry | undefined, q: BoardQuery): boolean {
    return !!e && passesBoardFilters(e.unit, e.row.unitType, q) && this.input.tree.has(e.unit.unitId);
  }

  /**
   * Per filter of unit type, phase and stage, what lies below each node (a few hundred inner nodes,
   * not every unit): the sums of the passing units and their count per stage.
   */
  private prepared(q: BoardQuery): Below {
    const key = `${q.unitType ?? ''}|${q.phaseKey ?? ''}|${q.stage ?? ''}`;
    let below = this.below.get(key);
    if (!below) {
      below = this.summedBelow(q);
      this.below.set(key, below);
    }
    return below;
  }

  /**
   * In one pass up the tree: each passing unit is added to its parent, then each node's sums to its
   * parent's, deepest nodes first. Adding every unit to each of its ancestors cost a path and a
   * sum per ancestor per unit, at every moment not asked before.
   */
  private summedBelow(q: BoardQuery): Below {
    const tree = this.input.tree;
    const below: Below = { sums: new Map(), stages: new Map() };
    const byDepth: string[][] = [];
    const add = (id: string, sum: Sum, stages: ReadonlyMap<string, number> | string) => {
      let into = below.sums.get(id);
      let counts = below.stages.get(id);
      if (!into || !counts) {
        below.sums.set(id, (into = emptySum()));
        below.stages.set(id, (counts = new Map()));
        (byDepth[tree.ancestorIds(id).length] ??= []).push(id);
      }
      addRow(into, sum);
      if (typeof stages === 'string') counts.set(stages, (counts.get(stages) ?? 0) + 1);
      else for (const [stage, n] of stages) counts.set(stage, (counts.get(stage) ?? 0) + n);
    };
    for (const e of this.entries) {
      const parentId = tree.get(e.unit.unitId)?.parentId;
      if (parentId && this.passing(e, q)) add(parentId, e.row, e.stage);
    }
    for (let depth = byDepth.length - 1; depth > 0; depth -= 1) {
      for (const id of byDepth[depth] ?? []) {
        const parentId = tree.get(id)?.parentId;
        // A parent no shallower (a cycle, which the deciders never allow) ends the walk as ancestorIds does.
        if (parentId && tree.ancestorIds(parentId).length < depth) add(parentId, below.sums.get(id)!, below.stages.get(id)!);
      }
    }
    return below;
  }

  /** Every node's sum over the units of its subtree (itself included) that pass the query's own filters. */
  private subtreeSums(q: BoardQuery): { get(id: string): Sum | undefined } {
    const { sums } = this.prepared(q);
    return {
      get: (id) => {
        const own = this.byUnit.get(id);
        const under = sums.get(id);
        if (!this.passing(own, q)) return under;
        return plus(under ?? emptySum(), own!.row);
      },
    };
  }
}

/** A ranked entry's row, named as the moment's tree has it now: a renamed unit changes no projection's checkpoint. */
function rowOf(tree: OrganizationTree, e: Entry, rank: number): BoardRow {
  return { rank, ...e.row, name: tree.get(e.row.unitId)?.name ?? e.row.unitId };
}

/** a + b as a new sum: the prepared sums are shared and never changed. */
function plus(a: Sum, b: Sum): Sum {
  const out = emptySum();
  addRow(out, a);
  addRow(out, b);
  return out;
}
