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
});
