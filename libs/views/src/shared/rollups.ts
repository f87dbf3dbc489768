import { OrganizationTree, UNIT_LEVEL_NAMES, UnitLevel } from '@platform/domain';

/** The levels views roll up to. */
export const ROLLUP_LEVELS: readonly UnitLevel[] = ['city', 'county', 'township'];

export interface RollupGroup<T> {
  readonly unitId: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly levelName: string;
  readonly members: T[];
}

/**
 * Groups items of units under every city, county and township at or above them, city first.
 * Callers sum the members' counts and compute rates from the sums, never average rates.
 */
export function rollupGroups<T>(tree: OrganizationTree, items: Iterable<readonly [string, T]>): RollupGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const [unitId, item] of items) {
    for (const id of [...tree.ancestorIds(unitId), unitId]) {
      const level = tree.get(id)?.level;
      if (!level || !ROLLUP_LEVELS.includes(level)) continue;
      let members = groups.get(id);
      if (!members) groups.set(id, (members = []));
      members.push(item);
    }
  }
  return [...groups]
    .map(([unitId, members]) => {
      const node = tree.get(unitId)!;
      return { unitId, name: node.name, level: node.level, levelName: UNIT_LEVEL_NAMES[node.level], members };
    })
    .sort((a, b) => ROLLUP_LEVELS.indexOf(a.level) - ROLLUP_LEVELS.indexOf(b.level) || a.unitId.localeCompare(b.unitId));
}
