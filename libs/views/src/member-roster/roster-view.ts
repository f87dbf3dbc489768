import { NotFoundException } from '@nestjs/common';
import { Actor, MEMBER_STATUS_NAMES, MEMBER_STATUSES, mayReadMemberNames, MemberStatus, OrganizationTree, UnitLevel } from '@platform/domain';
import { ReadStore } from '@platform/read-models';
import { rollupSums, RollupNode } from '../shared/rollups';
import { addLeavesInto } from '../shared/sums';
import { NOT_FOUND, UnitFilter, unitClause } from '../shared/view-scope';
import { MEMBER_ROSTERS, MemberRosterDoc, ROSTER_MEMBERS, RosterMemberDoc } from './member-roster.documents';

export const ROSTER_PROJECTIONS = ['member-roster'] as const;

export interface RosterFigures {
  readonly counts: Record<MemberStatus, number>;
  readonly onRoll: number;
  /** Lost members still being sought (查找中). */
  readonly sought: number;
}

const emptyFigures = (): RosterFigures & { units: number } => ({
  counts: Object.fromEntries(MEMBER_STATUSES.map((s) => [s, 0])) as Record<MemberStatus, number>,
  onRoll: 0,
  sought: 0,
  units: 0,
});

export interface UnitRoster extends RosterFigures {
  readonly unitId: string;
  readonly name: string;
  /** Whether the reader may see names: the unit itself, the office, administrators. */
  readonly namesShown: boolean;
  /** null unless names are shown: every other reader gets the counts only. */
  readonly members: Array<RosterMemberDoc & { statusName: string }> | null;
}

/** One unit's roster at the moment: names for those who may read them, counts for everyone in scope. */
export async function readUnitRoster(store: ReadStore, tree: OrganizationTree, unitId: string, actor: Actor): Promise<UnitRoster> {
  const node = tree.get(unitId);
  if (!node) throw new NotFoundException(NOT_FOUND);
  const doc = await store.get<MemberRosterDoc>(MEMBER_ROSTERS, unitId);
  const figures = doc ? { counts: doc.counts, onRoll: doc.onRoll, sought: doc.sought } : emptyFigures();
  const namesShown = mayReadMemberNames(actor, unitId);
  const members = namesShown ? await store.find<RosterMemberDoc>(ROSTER_MEMBERS, { unitId }, { sort: { memberId: 1 } }) : null;
  return {
    unitId,
    name: node.name,
    counts: figures.counts,
    onRoll: figures.onRoll,
    sought: figures.sought,
    namesShown,
    members: members && members.map((m) => ({ ...m, statusName: MEMBER_STATUS_NAMES[m.status] })),
  };
}

export interface RosterCountRow extends RosterFigures {
  readonly unitId: string;
  readonly name: string;
  readonly level: UnitLevel | null;
  readonly parentId: string | null;
}

export interface RosterCountsView {
  readonly units: RosterCountRow[];
  readonly rollups: Array<RollupNode & RosterFigures & { units: number }>;
  readonly overall: RosterFigures & { units: number };
}

/**
 * Counts per unit keeping a roster, and their sums up the tree (city, county, township): how many
 * are on the roll, mobile, and still sought per unit. Never a name.
 */
export async function readRosterCounts(store: ReadStore, tree: OrganizationTree, filter: UnitFilter): Promise<RosterCountsView> {
  const docs = (await store.find<MemberRosterDoc>(MEMBER_ROSTERS, unitClause('unitId', filter), { sort: { unitId: 1 } })).filter((d) => filter.visible(d.unitId) && tree.has(d.unitId));
  const units = docs.map((d): RosterCountRow => {
    const node = tree.get(d.unitId);
    return { unitId: d.unitId, name: node?.name ?? d.unitId, level: node?.level ?? null, parentId: node?.parentId ?? null, counts: d.counts, onRoll: d.onRoll, sought: d.sought };
  });
  const add = (sum: RosterFigures & { units: number }, r: RosterFigures) => {
    addLeavesInto(sum, { ...r, units: 1 });
  };
  const rollups = rollupSums(tree, units.map((u) => [u.unitId, u] as const), emptyFigures, add).map(({ sum, ...node }) => ({ ...node, ...sum }));
  const overall = emptyFigures();
  for (const u of units) add(overall, u);
  return { units, rollups, overall };
}
