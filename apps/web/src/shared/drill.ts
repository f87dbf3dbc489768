import type { BoardRow, Rollup, Unit } from '../api/view-types';

/** A unit's place in the campaign as a board shows it: the phase it is in, or the stage after the phases. */
export function stageLabel(row: Pick<BoardRow, 'stage' | 'stageName' | 'phase'>): string {
  return row.stage === 'in_phase' && row.phase ? row.phase.name : row.stageName;
}

/** The path from the top of the tree down to `unitId`, for the breadcrumbs. */
export function ancestry(units: ReadonlyMap<string, Unit>, unitId: string): Unit[] {
  const path: Unit[] = [];
  for (let u = units.get(unitId); u; u = u.parentId ? units.get(u.parentId) : undefined) path.unshift(u);
  return path;
}

/** The direct child of `rootId` that `unitId` lies under (or null when it is not below it). */
export function childUnder(units: ReadonlyMap<string, Unit>, rootId: string, unitId: string): string | null {
  for (let u = units.get(unitId); u; u = u.parentId ? units.get(u.parentId) : undefined) if (u.parentId === rootId) return u.unitId;
  return null;
}

export interface ChildLine {
  readonly unitId: string;
  readonly name: string;
  /** A subtree with enrolled units below it: it can be drilled into. */
  readonly rollup: Rollup | null;
  /** An enrolled unit itself: it opens its own page. */
  readonly row: BoardRow | null;
  /** Units per stage under this child, for the phase chart. */
  readonly stages: Record<string, number>;
}

/** One line per direct child of the root that has enrolled units at or below it. */
export function childLines(units: ReadonlyMap<string, Unit>, rootId: string, rows: readonly BoardRow[], rollups: readonly Rollup[]): ChildLine[] {
  const lines = new Map<string, { rollup: Rollup | null; row: BoardRow | null; stages: Record<string, number> }>();
  const rollupById = new Map(rollups.map((r) => [r.unitId, r]));
  for (const row of rows) {
    const child = row.parentId === rootId || row.unitId === rootId ? row.unitId : childUnder(units, rootId, row.unitId);
    if (!child || child === rootId) continue;
    const line = lines.get(child) ?? { rollup: rollupById.get(child) ?? null, row: null, stages: {} };
    if (child === row.unitId) line.row = row;
    line.stages[stageLabel(row)] = (line.stages[stageLabel(row)] ?? 0) + 1;
    lines.set(child, line);
  }
  return [...lines.entries()]
    .map(([unitId, l]) => ({ unitId, name: units.get(unitId)?.name ?? l.rollup?.name ?? l.row?.name ?? unitId, ...l }))
    .sort((a, b) => a.unitId.localeCompare(b.unitId));
}

/** The top of the reader's tree: the city when they see it all, else their first scope root. */
export function topOf(units: readonly Unit[], scopeUnitIds: readonly string[]): string | null {
  const ids = new Set(units.map((u) => u.unitId));
  const inScope = scopeUnitIds.find((id) => ids.has(id));
  return inScope ?? units.find((u) => !u.parentId || !ids.has(u.parentId))?.unitId ?? null;
}
