import { assertNever } from '../shared/decider';
import { OrganizationEvent } from './organization.events';
import { ParentFacts, UnitFacts } from './organization.decider';
import { UnitLevel, UnitType } from './organization-types';

export interface UnitNode {
  readonly unitId: string;
  name: string;
  readonly level: UnitLevel;
  readonly unitType: UnitType;
  parentId: string | null;
  memberCount: number;
  closed: boolean;
}

/**
 * The whole tree in memory, folded from organization events. A city's tree is a few thousand
 * nodes; commands ask it for parent facts and scopes, read models for roll-ups.
 */
export class OrganizationTree {
  private readonly nodes = new Map<string, UnitNode>();
  private readonly children = new Map<string, Set<string>>();
  private applied = 0;

  /**
   * Counts the events applied: a tree changes its nodes in place, so what was derived from it
   * (names, parents, levels) holds while its revision is the same.
   */
  get revision(): number {
    return this.applied;
  }

  apply(event: OrganizationEvent): void {
    this.applied += 1;
    switch (event.type) {
      case 'UnitCreated': {
        const d = event.data;
        this.nodes.set(d.unitId, {
          unitId: d.unitId,
          name: d.name,
          level: d.level,
          unitType: d.unitType,
          parentId: d.parentId,
          memberCount: d.memberCount,
          closed: false,
        });
        if (d.parentId) this.childSet(d.parentId).add(d.unitId);
        return;
      }
      case 'UnitRenamed':
        this.mutate(event.data.unitId, (n) => (n.name = event.data.name));
        return;
      case 'UnitMoved':
        this.mutate(event.data.unitId, (n) => {
          if (n.parentId) this.children.get(n.parentId)?.delete(n.unitId);
          n.parentId = event.data.parentId;
          this.childSet(event.data.parentId).add(n.unitId);
        });
        return;
      case 'MemberCountChanged':
        this.mutate(event.data.unitId, (n) => (n.memberCount = event.data.memberCount));
        return;
      case 'UnitClosed':
        this.mutate(event.data.unitId, (n) => (n.closed = true));
        return;
      default:
        assertNever(event);
    }
  }

  get(unitId: string): UnitNode | undefined {
    return this.nodes.get(unitId);
  }

  /** A tree of its own with the same units: events applied to it leave this one as it is. */
  copy(): OrganizationTree {
    const tree = new OrganizationTree();
    for (const [id, n] of this.nodes) tree.nodes.set(id, { ...n });
    for (const [id, set] of this.children) tree.children.set(id, new Set(set));
    tree.applied = this.applied;
    return tree;
  }

  has(unitId: string): boolean {
    return this.nodes.has(unitId);
  }

  get size(): number {
    return this.nodes.size;
  }

  all(): UnitNode[] {
    return [...this.nodes.values()];
  }

  /** Units without a parent: the roots of the deployment (a city, or a county running its own). */
  rootIds(): string[] {
    return [...this.nodes.values()].filter((n) => n.parentId === null).map((n) => n.unitId);
  }

  /** Root first, not including the unit itself. */
  ancestorIds(unitId: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (let p = this.nodes.get(unitId)?.parentId ?? null; p && !seen.has(p); p = this.nodes.get(p)?.parentId ?? null) {
      seen.add(p);
      out.unshift(p);
    }
    return out;
  }

  childIds(unitId: string): string[] {
    return [...(this.children.get(unitId) ?? [])];
  }

  openChildCount(unitId: string): number {
    return this.childIds(unitId).filter((id) => !this.nodes.get(id)?.closed).length;
  }

  /** The unit and all its descendants, parents before children. */
  subtreeIds(rootId: string): string[] {
    if (!this.nodes.has(rootId)) return [];
    const out: string[] = [];
    const stack = [rootId];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      out.push(id);
      stack.push(...this.childIds(id));
    }
    return out;
  }

  isWithin(unitId: string, rootId: string): boolean {
    return unitId === rootId || this.ancestorIds(unitId).includes(rootId);
  }

  unitFacts(unitId: string): UnitFacts {
    const n = this.nodes.get(unitId);
    return { unitId, exists: n !== undefined, closed: n?.closed ?? false };
  }

  parentFacts(unitId: string | null | undefined): ParentFacts | null {
    const n = unitId ? this.nodes.get(unitId) : undefined;
    if (!n) return null;
    return { unitId: n.unitId, level: n.level, closed: n.closed, ancestorIds: this.ancestorIds(n.unitId) };
  }

  private childSet(parentId: string): Set<string> {
    let set = this.children.get(parentId);
    if (!set) {
      set = new Set();
      this.children.set(parentId, set);
    }
    return set;
  }

  private mutate(unitId: string, change: (n: UnitNode) => void): void {
    const n = this.nodes.get(unitId);
    if (n) change(n);
  }
}
