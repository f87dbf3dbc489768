import { OrganizationEvent, OrganizationTree } from '@platform/domain';
import { GivenEvent, specifyProjection } from '@platform/read-models/testing/projection-specification';
import { CAMPAIGN, launched, orgEvents, planned, registered, solved } from '../testing/view-fixtures';
import { LEDGER_NODE_TALLIES, NodeTallyDoc } from './node-tallies';
import { rectificationLedgerProjection } from './rectification-ledger.projection';
import { addTallyCounts, emptyTallyCounts, LEDGER_UNIT_TALLIES, TallyCounts, UnitTallyDoc } from './unit-tallies';

const moved = (unitId: string, parentId: string, previousParentId: string): GivenEvent => ({
  type: 'UnitMoved',
  streamId: `org-${unitId}`,
  data: { unitId, parentId, previousParentId },
});

const countsOf = ({ byHandling, byHandlingV1, problems, rechecks, tracker }: TallyCounts): TallyCounts => ({ byHandling, byHandlingV1, problems, rechecks, tracker });

/** What every node's subtree tally must be: the sum of the unit tallies under it in the final tree. */
async function expectSubtreeSums(events: GivenEvent[]) {
  const spec = specifyProjection(rectificationLedgerProjection);
  const docs = await spec.given(events).documents();
  const tree = new OrganizationTree();
  for (const e of events) if (e.type === 'UnitCreated' || e.type === 'UnitMoved') tree.apply(e as unknown as OrganizationEvent);
  const units = docs[LEDGER_UNIT_TALLIES] as unknown as UnitTallyDoc[];
  const nodes = new Map((docs[LEDGER_NODE_TALLIES] as unknown as NodeTallyDoc[]).map((d) => [d.nodeId, d]));
  for (const node of tree.all()) {
    const under = units.filter((u) => tree.isWithin(u.unitId, node.unitId));
    const want = under.reduce((sum, u) => addTallyCounts(sum, u), emptyTallyCounts());
    const got = nodes.get(node.unitId);
    if (under.length === 0) expect(got).toBeUndefined();
    else expect({ node: node.unitId, level: got?.level, counts: got && countsOf(got) }).toEqual({ node: node.unitId, level: node.level, counts: want });
  }
  return { docs, nodes };
}

describe('ledger subtree tallies', () => {
  const problems = [
    ...solved('p-1', 'branch-1', '2026-04-30', '2026-04-20T09:00:00.000Z'),
    registered('p-2', 'branch-2'),
    planned('p-2', '2026-05-31'),
    registered('p-3', 'branch-4'),
    planned('p-3', '2026-06-15'),
  ];

  it('adds every change of a unit to the unit and each of its ancestors', async () => {
    const { nodes } = await expectSubtreeSums([...orgEvents(), launched(), ...problems]);
    expect(nodes.get('city')).toMatchObject({ _id: `${CAMPAIGN}.city`, level: 'city', tracker: { total: 3, closed: 1, runningDeadlines: { '2026-05-31': 1, '2026-06-15': 1 } } });
    expect(nodes.get('town-1')?.tracker.total).toBe(2);
  });

  it('moves a unit’s counts with it when it moves to another parent', async () => {
    const { nodes } = await expectSubtreeSums([...orgEvents(), launched(), ...problems, moved('town-1', 'county-2', 'county-1'), registered('p-4', 'branch-2'), moved('branch-2', 'town-2', 'town-1')]);
    expect(nodes.get('county-2')?.tracker.total).toBe(2);
    expect(nodes.get('town-2')?.tracker.total).toBe(2);
    expect(nodes.get('city')?.tracker.total).toBe(4);
  });

  it('rolls a unit whose counts came before it was known into its ancestors when it is created', async () => {
    const [city, ...rest] = orgEvents();
    const branch2 = rest.find((e) => (e.data as { unitId: string }).unitId === 'branch-2')!;
    const others = rest.filter((e) => e !== branch2);
    await expectSubtreeSums([city, ...others, launched(), ...problems, branch2]);
  });
});
