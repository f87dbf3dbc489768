import { OrganizationTree, RankKey } from '@platform/domain';
import { subtreeRollups } from '../shared/rollups';
import { UnitFilter } from '../shared/view-scope';
import { addRow, BoardInput, boardHeader, BoardQuery, BoardRollup, BoardRow, boardRows, BoardView, emptySum, passesBoardFilters, rankOrder, Sum, withMetrics } from './board-view';
import { BoardUnitDoc } from './progress-board.documents';

type Row = Omit<BoardRow, 'rank'>;
interface Entry {
  readonly unit: BoardUnitDoc;
  readonly row: Row;
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
  private readonly ranked = new Map<RankKey, Entry[]>();
  private readonly sums = new Map<string, Map<string, Sum>>();
  private readonly byUnit: Map<string, Entry>;

  constructor(
    private readonly input: Omit<BoardInput, 'filter'>,
    private readonly rules: Pick<BoardQuery, 'metricsVersion' | 'handlingVersion'>,
  ) {
    const row = boardRows(input, rules);
    this.entries = input.units.map((unit) => ({ unit, row: row(unit) }));
    this.byUnit = new Map(this.entries.map((e) => [e.unit.unitId, e]));
  }

  /** Equal to boardView(input with this filter, q) for a query under the same rules. */
  view(tree: OrganizationTree, filter: UnitFilter, q: BoardQuery): BoardView {
    const passes = (e: Entry) => filter.visible(e.unit.unitId) && passesBoardFilters(e.unit, e.row.unitType, q);
    const rows: BoardRow[] = [];
    // Names as the moment's tree has them now: a renamed unit changes no projection's checkpoint.
    for (const e of this.rankedBy(q.rankBy)) if (passes(e)) rows.push({ rank: rows.length + 1, ...e.row, name: tree.get(e.row.unitId)?.name ?? e.row.unitId });
    const sums = this.subtreeSums(q);
    const { rollups, overall } = subtreeRollups(tree, filter, sums, emptySum, plus, (s) => s.unitCount > 0);
    // Units the tree does not hold belong to no subtree, yet count in the overall figures.
    for (const r of rows) if (!tree.has(r.unitId)) addRow(overall, r);
    return {
      ...boardHeader(this.input.campaign, q),
      total: rows.length,
      rows,
      rollups: rollups.map(({ sum, ...node }): BoardRollup => ({ ...node, ...withMetrics(sum, q.metricsVersion) })),
      overall: withMetrics(overall, q.metricsVersion),
    };
  }

  private rankedBy(rankBy: RankKey): Entry[] {
    let ranked = this.ranked.get(rankBy);
    if (!ranked) {
      const order = rankOrder(rankBy);
      this.ranked.set(rankBy, (ranked = [...this.entries].sort((a, b) => order(a.row, b.row))));
    }
    return ranked;
  }

  /**
   * Every node's sum over the units of its subtree (itself included) that pass the query's own
   * filters. Kept per filter are only the sums of what lies below each node (a few hundred inner
   * nodes, not every unit): a node's own row is added when its sum is asked for.
   */
  private subtreeSums(q: BoardQuery): { get(id: string): Sum | undefined } {
    const key = `${q.unitType ?? ''}|${q.phaseKey ?? ''}|${q.stage ?? ''}`;
    let below = this.sums.get(key);
    const tree = this.input.tree;
    const passing = (e: Entry | undefined) => !!e && passesBoardFilters(e.unit, e.row.unitType, q) && tree.has(e.unit.unitId);
    if (!below) {
      below = new Map();
      for (const e of this.entries) {
        if (!passing(e)) continue;
        for (const id of tree.ancestorIds(e.unit.unitId)) {
          let sum = below.get(id);
          if (!sum) below.set(id, (sum = emptySum()));
          addRow(sum, e.row);
        }
      }
      this.sums.set(key, below);
    }
    const sums = below;
    return {
      get: (id) => {
        const own = this.byUnit.get(id);
        const under = sums.get(id);
        if (!passing(own)) return under;
        return plus(under ?? emptySum(), own!.row);
      },
    };
  }
}

/** a + b as a new sum: the prepared sums are shared and never changed. */
function plus(a: Sum, b: Sum): Sum {
  const out = emptySum();
  addRow(out, a);
  addRow(out, b);
  return out;
}
