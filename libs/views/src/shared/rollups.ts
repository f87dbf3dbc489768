import { OrganizationTree, UNIT_LEVEL_NAMES, UnitLevel } from '@platform/domain';
import { UnitFilter } from './view-scope';

/** The levels views roll up to. */
export const ROLLUP_LEVELS: readonly UnitLevel[] = ['city', 'county', 'township'];

export interface RollupNode {
  readonly unitId: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly levelName: string;
}

/**
 * The sums of the items under every city, county and township at or above their units, city first.
 * Callers sum counts and compute rates from the sums, never average rates. One accumulator per
 * group, each item added in place (no member lists, no intermediate objects).
 */
export function rollupSums<T, S>(
  tree: OrganizationTree,
  items: Iterable<readonly [string, T]>,
  empty: () => S,
  add: (sum: S, item: T) => void,
): Array<RollupNode & { sum: S }> {
  const sums = new Map<string, S>();
  const chainOf = rollupChains(tree);
  for (const [unitId, item] of items) {
    for (const id of chainOf(unitId)) {
      let sum = sums.get(id);
      if (sum === undefined) sums.set(id, (sum = empty()));
      add(sum, item);
    }
  }
  return [...sums]
    .map(([unitId, sum]) => {
      const node = tree.get(unitId)!;
      return { unitId, name: node.name, level: node.level, levelName: UNIT_LEVEL_NAMES[node.level], sum };
    })
    .sort((a, b) => ROLLUP_LEVELS.indexOf(a.level) - ROLLUP_LEVELS.indexOf(b.level) || a.unitId.localeCompare(b.unitId));
}

/**
 * The roll-up nodes at or above a unit (itself first, then up the tree), worked out once per node
 * for one tree: a city's units share their townships and counties, so each chain is its parent's
 * (a walk up with a fresh array per unit was a third of a past moment's roll-ups).
 */
function rollupChains(tree: OrganizationTree): (unitId: string) => readonly string[] {
  const chains = new Map<string, readonly string[]>();
  const chainOf = (id: string): readonly string[] => {
    const known = chains.get(id);
    if (known) return known;
    // A cycle, which the deciders never allow, ends here.
    chains.set(id, []);
    const node = tree.get(id);
    const above = node?.parentId ? chainOf(node.parentId) : [];
    const chain = node && ROLLUP_LEVELS.includes(node.level) ? [id, ...above] : above;
    chains.set(id, chain);
    return chain;
  };
  return chainOf;
}

/**
 * The same roll-ups from sums kept per tree node (each node's sum over its whole subtree), for a
 * scope made of whole subtrees, as unitFilter's always is: a roll-up node inside the scope is its
 * own sum; one above it (e.g. the city over one county asked for) is the sum of the scope's top
 * nodes under it. `present` says whether a sum counts anything (rollupSums lists only groups with
 * items). `sums` needs the roll-up nodes in scope and the scope's top nodes (see subtreeSumNodes).
 */
export function subtreeRollups<S>(
  tree: OrganizationTree,
  filter: UnitFilter,
  sums: Pick<ReadonlyMap<string, S>, 'get'>,
  empty: () => S,
  add: (a: S, b: S) => S,
  present: (sum: S) => boolean,
): { rollups: Array<RollupNode & { sum: S }>; overall: S } {
  const { inScope, tops } = subtreeSumNodes(tree, filter);
  const groups = new Map<string, S>();
  for (const id of inScope) {
    const sum = sums.get(id);
    if (sum !== undefined) groups.set(id, sum);
  }
  let overall = empty();
  for (const top of tops) {
    const sum = sums.get(top);
    if (sum === undefined) continue;
    overall = add(overall, sum);
    for (const a of tree.ancestorIds(top)) if (isRollupLevel(tree, a)) groups.set(a, add(groups.get(a) ?? empty(), sum));
  }
  const rollups = [...groups]
    .filter(([, sum]) => present(sum))
    .map(([unitId, sum]) => {
      const node = tree.get(unitId)!;
      return { unitId, name: node.name, level: node.level, levelName: UNIT_LEVEL_NAMES[node.level], sum };
    })
    .sort((a, b) => ROLLUP_LEVELS.indexOf(a.level) - ROLLUP_LEVELS.indexOf(b.level) || a.unitId.localeCompare(b.unitId));
  return { rollups, overall };
}

const isRollupLevel = (tree: OrganizationTree, id: string) => {
  const level = tree.get(id)?.level;
  return !!level && ROLLUP_LEVELS.includes(level);
};

/**
 * The nodes whose subtree sums a scope's roll-ups need: the roll-up nodes inside it, and its top
 * nodes (visible, parent not visible: the tree's roots for a whole view).
 */
export function subtreeSumNodes(tree: OrganizationTree, filter: UnitFilter): { inScope: string[]; tops: string[] } {
  const ids = filter.ids ?? tree.all().map((n) => n.unitId);
  const inScope = ids.filter((id) => isRollupLevel(tree, id));
  const tops = ids.filter((id) => {
    const parent = tree.get(id)?.parentId ?? null;
    return parent === null || !tree.has(parent) || !filter.visible(parent);
  });
  return { inScope, tops };
}
