import { OrganizationEvent, UnitLevel } from '@platform/domain';
import { merge, MergeWrite, ProjectionContext, ProjectionWrite, ReadDocument, upsert } from '@platform/read-models';
import { campaignUnitId } from './campaign-unit-id';

/** The organization tree as a projection knows it from the events: its own private memory. */
export interface TreeNodeDoc {
  readonly _id: string;
  readonly parentId: string | null;
  readonly level: UnitLevel | null;
}

/** A sum over one node's subtree (the node itself included) in one campaign: `_id` `<campaignId>.<nodeId>`. */
export interface SubtreeSumDoc extends ReadDocument {
  readonly campaignId: string;
  readonly nodeId: string;
  readonly level: UnitLevel | null;
}

/**
 * How a projection keeps sums per tree node: every change of a unit's counts is added to the node
 * of the unit and of each of its ancestors, so a whole-city figure is one document, not a sum over
 * every unit per request. The projection names its two collections (it owns them) and how its
 * counts add up.
 */
export interface SubtreeSumsSpec<C extends object> {
  readonly tree: string;
  readonly sums: string;
  zero(): C;
  /**
   * The counts a + sign·b (only the counts: no identity fields), made in `a` itself and returned:
   * `a` is the sum's pending image, which the merge adding to it owns, so a node's large day counts
   * are not copied once per node and change.
   */
  addInto(a: C, b: C, sign: number): C;
  /** Whether every count is zero: such a change leaves every sum as it was. */
  isZero(c: C): boolean;
}

export type SubtreeSum<C extends object> = SubtreeSumDoc & C;

export const ORGANIZATION_SHAPE_EVENTS = ['UnitCreated', 'UnitMoved'] as const;

export const subtreeSumId = (campaignId: string, nodeId: string) => campaignUnitId(campaignId, nodeId);

/** The unit, then its parent, up to the root (a cycle, which the deciders never allow, ends the walk). */
async function pathOf(ctx: ProjectionContext, tree: string, unitId: string): Promise<TreeNodeDoc[]> {
  const path: TreeNodeDoc[] = [];
  const seen = new Set<string>();
  for (let id: string | null = unitId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const node: TreeNodeDoc = (await ctx.get<TreeNodeDoc>(tree, id)) ?? { _id: id, parentId: null, level: null };
    path.push(node);
    id = node.parentId;
  }
  return path;
}

/**
 * The writes that roll changed units up the tree: each entry is what the event added to a unit's
 * counts, added in place to the sum of the unit and of each ancestor (a merge: the city's sum,
 * which every problem's change reaches, holds a count per deadline day, and reading and writing
 * it whole per event was most of what rolling up cost).
 */
export async function rollUpChanges<C extends object>(
  ctx: ProjectionContext,
  spec: SubtreeSumsSpec<C>,
  changes: ReadonlyArray<{ readonly unitId: string; readonly campaignId: string; readonly delta: C }>,
): Promise<MergeWrite[]> {
  const writes: MergeWrite[] = [];
  for (const c of changes) {
    if (spec.isZero(c.delta)) continue;
    for (const node of await pathOf(ctx, spec.tree, c.unitId)) writes.push(addedTo(spec, node, c.campaignId, c.delta, 1));
  }
  return writes;
}

/** `sign`·delta added to one node's sum, which is created (with the node's level) if it has none yet. */
function addedTo<C extends object>(spec: SubtreeSumsSpec<C>, node: TreeNodeDoc, campaignId: string, delta: C, sign: number): MergeWrite {
  const _id = subtreeSumId(campaignId, node._id);
  return merge<SubtreeSum<C>>(spec.sums, _id, (current) => {
    const sum = current ?? ({ _id, campaignId, nodeId: node._id, level: node.level, ...spec.zero() } as SubtreeSum<C>);
    spec.addInto(sum, delta, sign);
    (sum as { level: TreeNodeDoc['level'] }).level = node.level;
    return sum;
  });
}

/**
 * A unit created or moved: its subtree's sums (every campaign's) leave the old ancestors and join
 * the new ones. A unit created after counts were kept for it joins its ancestors the same way.
 */
export async function reshapeTree<C extends object>(
  ctx: ProjectionContext,
  spec: SubtreeSumsSpec<C>,
  event: Extract<OrganizationEvent, { type: (typeof ORGANIZATION_SHAPE_EVENTS)[number] }>,
): Promise<ProjectionWrite[]> {
  const unitId = event.data.unitId;
  const known = await ctx.get<TreeNodeDoc>(spec.tree, unitId);
  const level = event.type === 'UnitCreated' ? event.data.level : (known?.level ?? null);
  const node: TreeNodeDoc = { _id: unitId, parentId: event.data.parentId, level };
  const oldAncestors = known?.parentId ? await pathOf(ctx, spec.tree, known.parentId) : [];
  const writes: ProjectionWrite[] = [upsert(spec.tree, node)];
  const subtrees = await ctx.find<SubtreeSum<C>>(spec.sums, { nodeId: unitId });
  if (subtrees.length === 0) return writes;
  const newAncestors = node.parentId ? await pathOf(ctx, spec.tree, node.parentId) : [];
  for (const sum of subtrees) {
    for (const ancestor of oldAncestors) writes.push(addedTo(spec, ancestor, sum.campaignId, sum, -1));
    for (const ancestor of newAncestors) writes.push(addedTo(spec, ancestor, sum.campaignId, sum, 1));
    if (sum.level !== level) writes.push(merge<SubtreeSum<C>>(spec.sums, sum._id, (current) => ({ ...(current ?? sum), level })));
  }
  return writes;
}
