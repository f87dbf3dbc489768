import { OrganizationTree } from '@platform/domain';
import { BoardChild, stageOf } from '../progress-board/board-children';
import type { BoardRollup, BoardRow } from '../progress-board/board-view';

/**
 * The root's direct children as the board's table and chart show them, counted from every row
 * of the view (not only the page asked for), so a client needs the page of the ranking and this,
 * never the whole ranking. `order` lists stage keys in campaign order (phases first). The
 * reference definition the specs hold RankedBoard.page to: the platform derives the same lines
 * from its prepared subtree counts instead of walking every row per request.
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
