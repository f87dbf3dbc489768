import { countByStatus, OrganizationTree, PartStatus, partStanding, rankStandings, RankedStanding } from '@platform/domain';
import { KeyTaskDoc, StockTakeDoc } from './key-task-schedule.documents';

/** Every unit's standing at a stock-take, ranked for the 通报. */
export function stockTakeStandings(task: KeyTaskDoc, take: StockTakeDoc): RankedStanding[] {
  return rankStandings(task.unitIds.map((unitId) => partStanding(task, take, unitId)));
}

export interface StandingRollUp {
  readonly unitId: string;
  readonly name: string;
  readonly parts: number;
  readonly counts: Record<PartStatus, number>;
  /** Done and on-track parts over all parts: the figure levels are ranked by. */
  readonly onTrackShare: number | null;
}

/**
 * The standings rolled up to the children of `rootId` (a county sees its townships): each child
 * counts the parts of the units in its subtree. A part held by the root itself counts at the root.
 */
export function rollUpStandings(standings: readonly RankedStanding[], tree: OrganizationTree, rootId: string): StandingRollUp[] {
  const byChild = new Map<string, RankedStanding[]>();
  for (const s of standings) {
    if (!tree.isWithin(s.unitId, rootId)) continue;
    const path = [...tree.ancestorIds(s.unitId), s.unitId];
    const child = path[path.indexOf(rootId) + 1] ?? rootId;
    byChild.set(child, [...(byChild.get(child) ?? []), s]);
  }
  return [...byChild.entries()]
    .map(([unitId, list]) => {
      const counts = countByStatus(list);
      return {
        unitId,
        name: tree.get(unitId)?.name ?? unitId,
        parts: list.length,
        counts,
        onTrackShare: list.length > 0 ? (counts.done + counts.on_track) / list.length : null,
      };
    })
    .sort((a, b) => (b.onTrackShare ?? -1) - (a.onTrackShare ?? -1) || a.unitId.localeCompare(b.unitId));
}

