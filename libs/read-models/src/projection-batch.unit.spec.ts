import { InMemoryReadStore } from './memory/in-memory-read-store';
import { Projection } from './projection';
import { evolveInto, PendingDocuments } from './projection-batch';
import { upsert } from './read-store.port';
import { storedEvents } from './testing/projection-specification';

/** Each event rewrites one counter in a versioned collection and one in a plain one. */
const counters: Projection<{ n: number }> = {
  name: 'counters',
  version: 1,
  collections: ['kept', 'plain'],
  versioned: ['kept'],
  handles: ['Counted'],
  evolve: (e) => [upsert('kept', { _id: 'c', n: e.data.n }), upsert('plain', { _id: 'c', n: e.data.n })],
};

const bodyOf = (n: number) => JSON.stringify({ _id: 'c', n }).length;

describe('pending documents: the JSON they hold', () => {
  it('counts each image of a versioned document once, as a version, and only the latest of a plain one', async () => {
    const pending = new PendingDocuments(counters);
    const events = storedEvents([10, 200, 3000].map((n) => ({ type: 'Counted', data: { n } })));
    const { applied } = await evolveInto(pending, events, new InMemoryReadStore());
    expect(applied).toBe(3);
    expect(pending.versions.map((v) => v.body)).toEqual([10, 200, 3000].map((n) => JSON.stringify({ _id: 'c', n })));
    // Three versions (the last one is also the pending image: the same text) and one plain image.
    expect(pending.bytes).toBe(bodyOf(10) + bodyOf(200) + bodyOf(3000) + bodyOf(3000));
  });

  it('drops what was read of a document once it is rewritten', async () => {
    const store = new InMemoryReadStore();
    await store.commit({ projection: 'seed', version: 1, fromPosition: 0, toPosition: 1, writes: [upsert('plain', { _id: 'c', n: 123456 })] });
    const reading: Projection<{ n: number }> = {
      ...counters,
      evolve: async (e, ctx) => {
        const before = await ctx.get<{ _id: string; n: number }>('plain', 'c');
        return [upsert('plain', { _id: 'c', n: (before?.n ?? 0) + e.data.n })];
      },
    };
    const pending = new PendingDocuments(reading);
    await evolveInto(pending, storedEvents([{ type: 'Counted', data: { n: 1 } }]), store);
    expect(pending.bytes).toBe(bodyOf(123457));
  });
});
