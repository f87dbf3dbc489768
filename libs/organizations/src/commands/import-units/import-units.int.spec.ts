import { CommandMeta, NO_SCOPE, runUseCase } from '@platform/common';
import { singleStreamStores } from '@platform/common/testing/single-stream-store';
import { OrganizationTree } from '@platform/domain';
import { CommandStore, SqliteEventStore } from '@platform/event-store';
import { ImportCompletion } from '../../import-process/import-completion';
import { importUnits } from './import-units';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const office: CommandMeta = { actor: { userId: 'office-1', role: 'office', unitId: null }, scope: NO_SCOPE, correlationId: 'c-1', idempotencyKey: 'import-1' };
const TREE = [
  { unitId: 'city', name: '常德市', level: 'city', unitType: 'agency' },
  { unitId: 't1', name: '河洑镇', level: 'township', unitType: 'rural', parentId: 'city' },
  { unitId: 'b1', name: '一村党支部', level: 'branch', unitType: 'rural', parentId: 't1', memberCount: 30 },
  { unitId: 'b2', name: '二村党支部', level: 'branch', unitType: 'rural', parentId: 't1', memberCount: 20 },
  { unitId: 't2', name: '丹洲乡', level: 'township', unitType: 'rural', parentId: 'city' },
  { unitId: 'b3', name: '三村党支部', level: 'branch', unitType: 'rural', parentId: 't2', memberCount: 12 },
];
const ALL = TREE.map((u) => `org-${u.unitId}`);

const stores = singleStreamStores('import-units-', NOW);

/** The import on an embedded store that, like KurrentDB, refuses appends to several streams at once. */
function world(wrap?: (s: CommandStore, raw: SqliteEventStore) => CommandStore) {
  const { store, runner, restartedRunner } = stores.open(wrap);
  const run = () => runUseCase(runner, { tree: async () => new OrganizationTree() }, importUnits, { request: { units: TREE }, records: TREE }, office);
  const units = async () => (await store.readAll({ types: ['UnitCreated'] })).map((e) => e.streamId);
  const journal = async () => (await store.readAll({ streamPrefix: 'import-' })).map((e) => e.type);
  return { store, run, units, journal, completion: new ImportCompletion(store, restartedRunner) };
}

describe('importing units without an atomic write of several streams', () => {
  it('writes the journal, every unit parents first, then completes; the answer names the units', async () => {
    const w = world();
    const result = await w.run();
    expect(result.streams.map((s) => s.streamId).sort()).toEqual([...ALL].sort());
    expect(await w.journal()).toEqual(['UnitsImportPlanned', 'UnitsImportCompleted']);
    const order = await w.units();
    for (const u of TREE.filter((x) => x.parentId)) expect(order.indexOf(`org-${u.parentId}`)).toBeLessThan(order.indexOf(`org-${u.unitId}`));
    // A retry under the same key is answered with the first result and writes nothing.
    const head = await w.store.headPosition();
    expect(await w.run()).toMatchObject({ replayed: true, eventIds: result.eventIds });
    expect(await w.store.headPosition()).toBe(head);
    await w.store.close();
  });

  it('leaves a crashed import marked not complete, and the next start finishes it, writing each unit once', async () => {
    let units = 0;
    const dying = world((s) => ({
      ...s,
      append: (streamId, events, expected) => (streamId.startsWith('org-') && ++units > 3 ? Promise.reject(new Error('process killed')) : s.append(streamId, events, expected)),
    }));
    await expect(dying.run()).rejects.toThrow('process killed');
    expect((await dying.units()).length).toBe(3);
    expect(await dying.journal()).toEqual(['UnitsImportPlanned']);
    await dying.store.close();

    const restarted = world();
    expect(await restarted.completion.completeAll()).toBe(1);
    expect((await restarted.units()).sort()).toEqual([...ALL].sort());
    expect(await restarted.journal()).toEqual(['UnitsImportPlanned', 'UnitsImportCompleted']);
    // The finished units carry the command's key: a retry of the request is answered, not imported again.
    expect((await restarted.run()).replayed).toBe(true);
    const head = await restarted.store.headPosition();
    expect(await restarted.completion.completeAll()).toBe(0);
    expect(await restarted.store.headPosition()).toBe(head);
    await restarted.store.close();
  });

  it('stops at a unit another command created meanwhile and says so in the journal, never complete', async () => {
    const w = world((s, raw) => ({
      ...s,
      append: async (streamId, events, expected) => {
        if (streamId === 'org-t2') await raw.append('org-t2', [{ ...events[0], eventId: 'another-command' }], 'no_stream');
        return s.append(streamId, events, expected);
      },
    }));
    await expect(w.run()).rejects.toMatchObject({ code: 'units_created_meanwhile', details: { unitIds: ['t2'] } });
    expect(await w.journal()).toEqual(['UnitsImportPlanned', 'UnitsImportStopped']);
    expect(await w.units()).not.toContain('org-b3');
    expect(await w.completion.completeAll()).toBe(0);
    await w.store.close();
  });
});
