import { OrganizationTree } from '@platform/domain';
import { SqliteEventStore } from '@platform/event-store';
import { randomUUID } from 'node:crypto';
import { OrganizationDirectory } from './organization-directory';

const unit = (unitId: string, parentId: string | null) => ({
  type: 'UnitCreated',
  data: { unitId, name: `单位 ${unitId}`, level: parentId ? 'branch' : 'city', unitType: 'agency', parentId, memberCount: parentId ? 10 : 0 },
});
const other = { type: 'Ticked', data: { n: 1 } };

describe('organization directory as of a past position', () => {
  let events: SqliteEventStore;
  const append = async (e: { type: string; data: unknown }, stream: string) =>
    (await events.append(stream, [{ eventId: randomUUID(), type: e.type, data: e.data, occurredAt: new Date().toISOString(), actor: { userId: 'u', role: 'admin', unitId: null }, correlationId: randomUUID() }], 'any')).positions[0];
  const ids = (t: OrganizationTree) => t.all().map((n) => n.unitId).sort();

  beforeEach(() => {
    events = new SqliteEventStore({ file: ':memory:' });
  });
  afterEach(async () => events.close());

  it('gives each moment the tree of the organization events up to it, folding each distinct tree once', async () => {
    await append(unit('city', null), 'org-city');
    await append(other, 'misc-1');
    await append(other, 'misc-2');
    const b1 = await append(unit('b1', 'city'), 'org-b1');
    await append(other, 'misc-3');
    const directory = new OrganizationDirectory(events);
    expect(ids(await directory.asOf(0))).toEqual([]);
    expect(ids(await directory.asOf(1))).toEqual(['city']);
    const between = await directory.asOf(2);
    expect(ids(between)).toEqual(['city']);
    expect(await directory.asOf(3)).toBe(between);
    expect(ids(await directory.asOf(b1))).toEqual(['b1', 'city']);
    const latest = await directory.asOf(b1 + 1);
    expect(await directory.asOf(b1)).toBe(latest);

    // A later organization event: the moments before it keep their tree, the new one has its own.
    const b2 = await append(unit('b2', 'city'), 'org-b2');
    expect(ids(await directory.asOf(b1 + 1))).toEqual(['b1', 'city']);
    expect(ids(await directory.asOf(b2))).toEqual(['b1', 'b2', 'city']);
    expect(ids(await directory.current())).toEqual(['b1', 'b2', 'city']);
  });

  it('folds a moment on from an earlier tree it kept exactly as from position 0, leaving that tree as it was', async () => {
    await append(unit('city', null), 'org-city');
    for (let i = 1; i <= 12; i++) {
      await append(unit(`b${i}`, 'city'), `org-b${i}`);
      await append(other, `misc-${i}`);
      await append({ type: 'MemberCountChanged', data: { unitId: `b${(i % 3) + 1}`, memberCount: 10 + i } }, `org-b${(i % 3) + 1}`);
      if (i % 4 === 0) await append({ type: 'UnitRenamed', data: { unitId: 'b1', name: `第 ${i} 名` } }, 'org-b1');
      if (i === 6) await append({ type: 'UnitMoved', data: { unitId: 'b5', parentId: 'b2' } }, 'org-b5');
    }
    const head = await events.headPosition();
    const nodes = (t: OrganizationTree) => t.all().sort((a, b) => (a.unitId < b.unitId ? -1 : 1)).map((n) => ({ ...n, children: t.childIds(n.unitId).sort() }));
    const directory = new OrganizationDirectory(events);
    // Out of order, so a moment is folded on from trees of moments before it, some far back.
    const order = Array.from({ length: head + 1 }, (_, i) => (i * 17) % (head + 1));
    const first = new Map<number, ReturnType<typeof nodes>>();
    for (const p of order) {
      const fresh = await new OrganizationDirectory(events).asOf(p);
      const tree = await directory.asOf(p);
      expect(nodes(tree)).toEqual(nodes(fresh));
      first.set(p, nodes(tree));
    }
    for (const p of order) expect(nodes(await directory.asOf(p))).toEqual(first.get(p));
  });
});
