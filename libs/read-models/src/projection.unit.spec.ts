import { InMemoryReadStore } from './memory/in-memory-read-store';
import { documentProjection, Projection } from './projection';
import { evolveBatch } from './projection-batch';
import { ProjectionEventError } from './read-store.errors';
import { upsert } from './read-store.port';
import { specifyProjection, storedEvents } from './testing/projection-specification';
import { groupTallyProjection, streamActivityProjection } from './testing/sample-projections';

describe('group tally projection (a row per group and a roll-up)', () => {
  const spec = specifyProjection(groupTallyProjection());

  it('starts with nothing', async () => {
    await spec.given([]).then({});
  });

  it('opens groups and counts their ticks in the row and in the roll-up', async () => {
    await spec
      .given([
        { type: 'GroupOpened', data: { group: 'g1', name: '一支部' } },
        { type: 'Ticked', data: { group: 'g1' } },
        { type: 'Ticked', data: { group: 'g2' } },
        { type: 'Ticked', data: { group: 'g1' } },
        { type: 'SomethingElse', data: { group: 'g1' } },
      ])
      .then({
        tally_groups: [
          { _id: 'g1', name: '一支部', ticks: 2, lastPosition: 4 },
          { _id: 'g2', name: null, ticks: 1, lastPosition: 3 },
        ],
        tally_totals: [{ _id: 'all', ticks: 3, openGroups: 2, closedGroups: 0 }],
      });
  });

  it('deletes a closed group and keeps it in the roll-up; a repeated open changes nothing', async () => {
    await spec
      .given([
        { type: 'GroupOpened', data: { group: 'g1' } },
        { type: 'GroupOpened', data: { group: 'g1' } },
        { type: 'Ticked', data: { group: 'g1' } },
        { type: 'GroupClosed', data: { group: 'g1' } },
        { type: 'GroupClosed', data: { group: 'g1' } },
      ])
      .then({ tally_totals: [{ _id: 'all', ticks: 1, openGroups: 0, closedGroups: 1 }] });
  });
});

describe('stream activity projection (one document per stream)', () => {
  const spec = specifyProjection(streamActivityProjection);

  it('counts ticks per stream and deletes an archived stream', async () => {
    await spec
      .given([
        { type: 'Ticked', data: { group: 'g' }, streamId: 's-1' },
        { type: 'Ticked', data: { group: 'g' }, streamId: 's-2' },
        { type: 'Ticked', data: { group: 'g' }, streamId: 's-1' },
        { type: 'StreamArchived', data: { group: 'g' }, streamId: 's-2' },
      ])
      .then({ stream_activity: [{ _id: 's-1', ticks: 2, lastRecordedAt: '2026-03-01T08:03:00.000Z' }] });
  });
});

describe('evolving a batch', () => {
  const counter: Projection<{ id: string; fail?: boolean }> = {
    name: 'counter',
    version: 1,
    collections: ['counters'],
    handles: ['Inc'],
    async evolve(event, ctx) {
      if (event.data.fail) throw new Error('cannot count this');
      const doc = await ctx.get<{ _id: string; n: number }>('counters', event.data.id);
      const bigOnes = await ctx.find('counters', { n: { $gte: 2 } });
      return [upsert('counters', { _id: event.data.id, n: (doc?.n ?? 0) + 1, bigBefore: bigOnes.length })];
    },
  };

  it('lets each event see the writes of the events before it, through get and find', async () => {
    const store = new InMemoryReadStore();
    await store.commit({ projection: 'counter', version: 1, fromPosition: 0, toPosition: 1, writes: [upsert('counters', { _id: 'b', n: 5 })] });
    const events = storedEvents([
      { type: 'Inc', data: { id: 'a' }, position: 2 },
      { type: 'Inc', data: { id: 'a' }, position: 3 },
      { type: 'Inc', data: { id: 'a' }, position: 4 },
    ]);
    const result = await evolveBatch(counter as Projection, events, store);
    expect(result).toMatchObject({ applied: 3, error: null });
    expect(result.writes).toMatchObject([upsert('counters', { _id: 'a', n: 3, bigBefore: 2 })]);
    // Nothing was written to the store itself.
    expect(await store.get('counters', 'a')).toBeNull();
  });

  it('stops at the event that throws and keeps the writes of the events before it', async () => {
    const events = storedEvents([
      { type: 'Inc', data: { id: 'a' } },
      { type: 'Inc', data: { id: 'x', fail: true } },
      { type: 'Inc', data: { id: 'a' } },
    ]);
    const result = await evolveBatch(counter as Projection, events, new InMemoryReadStore());
    expect(result.applied).toBe(1);
    expect(result.writes).toMatchObject([upsert('counters', { _id: 'a', n: 1, bigBefore: 0 })]);
    expect(result.error).toBeInstanceOf(ProjectionEventError);
    expect(result.error).toMatchObject({ projection: 'counter', position: 2, eventType: 'Inc', eventId: 'event-2' });
    expect(result.error?.message).toMatch(/cannot count this/);
  });

  it('refuses reads and writes outside the projection own collections', async () => {
    const thief: Projection = { ...counter, evolve: async (_e, ctx) => [upsert('other', { _id: String(await ctx.get('counters', 'a')) })] } as Projection;
    await specifyProjection(thief).given([{ type: 'Inc', data: { id: 'a' } }]).thenFails(/does not own collection other/);
    const peeker: Projection = { ...counter, evolve: async (_e, ctx) => (await ctx.get('secrets', 'x'), []) } as Projection;
    await specifyProjection(peeker).given([{ type: 'Inc', data: { id: 'a' } }]).thenFails(/does not own collection secrets/);
  });

  it('documentProjection refuses an evolve that changes the document id', async () => {
    const wrong = documentProjection<{ _id: string }>({
      name: 'wrong',
      version: 1,
      collection: 'wrong',
      handles: ['Inc'],
      id: () => 'a',
      evolve: () => ({ _id: 'b' }),
    });
    await specifyProjection(wrong).given([{ type: 'Inc', data: {} }]).thenFails(/returned _id b for document a/);
  });
});
