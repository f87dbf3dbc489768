import type { BoardRow, Unit } from '../api/view-types';

/** A unit's place in the campaign as a board shows it: the phase it is in, or the stage after the phases. */
export function stageLabel(row: Pick<BoardRow, 'stage' | 'stageName' | 'phase'>): string {
  return row.stage === 'in_phase' && row.phase ? row.phase.name : row.stageName;
}

/** A unit's place in the campaign as a key: the phase's key, or the stage after the phases. */
export function stageKey(row: Pick<BoardRow, 'stage' | 'phase'>): string {
  return row.stage === 'in_phase' && row.phase ? row.phase.key : row.stage;
}

/** The places a unit passes, in order: the campaign's phases, then consolidation, summary, concluded. */
export function stageOrder(phases: ReadonlyArray<{ key: string }>): string[] {
  return [...phases.map((p) => p.key), 'consolidation', 'summary', 'concluded'];
}

const STAGE_PALETTE = ['#1677ff', '#fa8c16', '#cf1322', '#52c41a', '#13c2c2', '#722ed1', '#8c8c8c', '#eb2f96'];

/**
 * A stage's colour by its place in the campaign's order, so one stage has one colour on every
 * chart and at every level (not the colour of its index among the stages a subtree happens to have).
 */
export function stageColor(order: readonly string[], key: string): string {
  const at = order.indexOf(key);
  return STAGE_PALETTE[(at < 0 ? order.length : at) % STAGE_PALETTE.length];
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
