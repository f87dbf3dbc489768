import { useMemo } from 'react';
import { useOrganizations } from '../api/queries';
import type { Unit } from '../api/view-types';

export interface UnitNode {
  readonly value: string;
  readonly title: string;
  readonly children: UnitNode[];
}

/** The organization list as a tree for a picker; units whose parent is outside the reader's scope become roots. */
export function useUnitTree() {
  const orgs = useOrganizations();
  const tree = useMemo(() => {
    const units = orgs.data ?? [];
    const known = new Set(units.map((u) => u.unitId));
    const children = new Map<string | null, Unit[]>();
    for (const u of units) {
      const parent = u.parentId && known.has(u.parentId) ? u.parentId : null;
      const siblings = children.get(parent);
      if (siblings) siblings.push(u);
      else children.set(parent, [u]);
    }
    const node = (u: Unit): UnitNode => ({ value: u.unitId, title: `${u.name}（${u.levelName}）`, children: (children.get(u.unitId) ?? []).map(node) });
    return (children.get(null) ?? []).map(node);
  }, [orgs.data]);
  return { tree, loading: orgs.isLoading };
}
