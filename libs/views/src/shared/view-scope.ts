import { NotFoundException } from '@nestjs/common';
import { ActorScope, scopeCovers } from '@platform/common';
import { OrganizationTree } from '@platform/domain';
import { campaignUnitId } from './campaign-unit-id';

export const NOT_FOUND = { statusCode: 404, error: 'Not Found', message: '资源不存在或无权查看 (not found)' };

/** The units a view may show: the actor's scope, narrowed to a subtree when one is asked for. */
export interface UnitFilter {
  visible(unitId: string): boolean;
  /** Every visible unit of the tree, or null when nothing is filtered (an administrator's whole view). */
  readonly ids: readonly string[] | null;
  /**
   * Names the filter among those of one tree revision (the same key, the same units), so what is
   * derived from a scope can be kept for the next request; absent where a filter is built ad hoc.
   */
  readonly key?: string;
}

/**
 * A subtree outside the scope answers 404 exactly like a missing one. Without a subtree the view
 * is the scope itself, so an inspector's roll-ups are built from their assigned units only.
 */
export function unitFilter(tree: OrganizationTree, scope: ActorScope, root: string | null | undefined): UnitFilter {
  if (root) {
    if (!tree.has(root) || !scopeCovers(scope, root, tree.ancestorIds(root))) throw new NotFoundException(NOT_FOUND);
    const ids = tree.subtreeIds(root);
    const set = new Set(ids);
    return { visible: (u) => set.has(u), ids, key: `root:${root}` };
  }
  if (scope.all) return { visible: () => true, ids: null, key: 'all' };
  const set = new Set(scope.roots.flatMap((r) => tree.subtreeIds(r)));
  return { visible: (u) => set.has(u), ids: [...set], key: `roots:${JSON.stringify(scope.roots)}` };
}

/** A MongoDB filter on a field holding unit ids (one or an array). */
export function unitClause(field: string, filter: UnitFilter): Record<string, unknown> {
  return filter.ids === null ? {} : { [field]: { $in: filter.ids } };
}

/**
 * A campaign's documents kept per unit (`_id` `<campaignId>.<unitId>`: board units, unit tallies,
 * roster participation) of the filter's units, named by id: a past moment reads each by its key,
 * so one county's read costs what its units do, not what the whole campaign's would.
 */
export function campaignUnitDocs(campaignId: string, filter: UnitFilter): Record<string, unknown> {
  return filter.ids === null ? { campaignId } : { campaignId, _id: { $in: filter.ids.map((unitId) => campaignUnitId(campaignId, unitId)) } };
}

/**
 * A scope worth reading on its own at a past moment: at most a quarter of the tree (a county's
 * leader looking back). A larger one shares the whole campaign's reads, kept per moment.
 */
export function isSmallScope(tree: OrganizationTree, filter: UnitFilter): boolean {
  return filter.ids !== null && filter.ids.length * 4 <= tree.size;
}
