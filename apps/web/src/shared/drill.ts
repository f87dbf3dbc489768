import type { BoardRow, Unit } from '../api/view-types';

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

/** The top of the reader's tree: the city when they see it all, else their first scope root. */
export function topOf(units: readonly Unit[], scopeUnitIds: readonly string[]): string | null {
  const ids = new Set(units.map((u) => u.unitId));
  const inScope = scopeUnitIds.find((id) => ids.has(id));
  return inScope ?? units.find((u) => !u.parentId || !ids.has(u.parentId))?.unitId ?? null;
}
