import { OrganizationTree } from '@platform/domain';
import type { BoardRollup, BoardRow } from './board-view';

/** How many of a child's units stand at one place in the campaign: a phase, or a stage after them. */
export interface StageCount {
  readonly key: string;
  readonly name: string;
  readonly count: number;
}

/** One line of the board's 下级 table and phase chart: a direct child of the root with units at or below it. */
export interface BoardChild {
  readonly unitId: string;
  readonly name: string;
  /** Its roll-up when it is a city, county or township: the line drills into it. */
  readonly rollup: BoardRollup | null;
  /** Its own row when it is an enrolled unit itself: the line opens its page. */
  readonly row: BoardRow | null;
  /** Units per stage at or below it, in the order a unit passes them. */
  readonly stages: StageCount[];
}

/** Phases in the template's order, then the stages after them. */
export const boardStageOrder = (phases: ReadonlyArray<{ key: string }>): string[] => [...phases.map((p) => p.key), 'consolidation', 'summary', 'concluded'];

export const stageOf = (row: Pick<BoardRow, 'stage' | 'stageName' | 'phase'>) => (row.stage === 'in_phase' && row.phase ? { key: row.phase.key, name: row.phase.name } : { key: row.stage, name: row.stageName });

/**
 * The root's direct children as the board's table and chart show them, counted from every row
 * of the view (not only the page asked for), so a client needs the page of the ranking and this,
 * never the whole ranking. `order` lists stage keys in campaign order (phases first). The
 * definition: a prepared board (RankedBoard.page) gives the same lines from its subtree counts.
 */
export function boardChildren(
  tree: OrganizationTree,
  rootId: string,
  rows: readonly BoardRow[],
  rollups: readonly BoardRollup[],
  order: readonly string[],
): BoardChild[] {
  const rollupById = new Map(rollups.map((r) => [r.unitId, r]));
  const lines = new Map<string, { row: BoardRow | null; stages: Map<string, { name: string; count: number }> }>();
  for (const row of rows) {
    const path = [...tree.ancestorIds(row.unitId), row.unitId];
    const at = path.indexOf(rootId);
    const child = at >= 0 ? path[at + 1] : undefined;
    if (!child) continue;
    let line = lines.get(child);
    if (!line) lines.set(child, (line = { row: null, stages: new Map() }));
    if (child === row.unitId) line.row = row;
    const stage = stageOf(row);
    const seen = line.stages.get(stage.key);
    if (seen) seen.count += 1;
    else line.stages.set(stage.key, { name: stage.name, count: 1 });
  }
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...lines]
    .map(([unitId, l]) => ({
      unitId,
      name: tree.get(unitId)?.name ?? unitId,
      rollup: rollupById.get(unitId) ?? null,
      row: l.row,
      stages: [...l.stages].map(([key, s]) => ({ key, ...s })).sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key)),
    }))
    .sort((a, b) => a.unitId.localeCompare(b.unitId));
}
