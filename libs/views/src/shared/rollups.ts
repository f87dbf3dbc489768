import { OrganizationTree, UNIT_LEVEL_NAMES, UnitLevel } from '@platform/domain';

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
  const isRollup = new Map<string, boolean>();
  for (const [unitId, item] of items) {
    for (const id of [...tree.ancestorIds(unitId), unitId]) {
      let rolls = isRollup.get(id);
      if (rolls === undefined) {
        const level = tree.get(id)?.level;
        isRollup.set(id, (rolls = !!level && ROLLUP_LEVELS.includes(level)));
      }
      if (!rolls) continue;
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
