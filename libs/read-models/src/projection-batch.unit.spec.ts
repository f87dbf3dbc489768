import { InMemoryReadStore } from './memory/in-memory-read-store';
import { merge, Projection } from './projection';
import { evolveInto, PendingDocuments } from './projection-batch';
import { DocumentWrite, upsert } from './read-store.port';
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

describe('pending documents: writes that change nothing', () => {
  /** A store holding plain/c at 7, and a projection whose evolve reads it first, then writes what `writes` gives. */
  const readingFirst = async (writes: (n: number) => DocumentWrite[]) => {
    const store = new InMemoryReadStore();
    await store.commit({ projection: 'seed', version: 1, fromPosition: 0, toPosition: 1, writes: [upsert('plain', { _id: 'c', n: 7 })] });
    const projection: Projection<{ n: number }> = {
      ...counters,
      evolve: async (e, ctx) => {
        await ctx.get('plain', 'c');
        return writes(e.data.n);
      },
    };
    return { store, projection };
  };

  it('leaves out a write of the text the batch already holds or read, with its version', async () => {
    const { store, projection } = await readingFirst((n) => [upsert('kept', { _id: 'c', n }), upsert('plain', { _id: 'c', n })]);
    const pending = new PendingDocuments(projection);
    // 7 as stored, then 7 again, a change to 8, and 8 again.
    const events = storedEvents([7, 7, 8, 8].map((n) => ({ type: 'Counted', data: { n } })));
    expect((await evolveInto(pending, events, store)).applied).toBe(4);
    // The versioned image changes twice (first 7, then 8); the plain document, stored as 7, once.
    expect(pending.versions.map((v) => [v.position, v.body])).toEqual([
      [events[0].position, JSON.stringify({ _id: 'c', n: 7 })],
      [events[2].position, JSON.stringify({ _id: 'c', n: 8 })],
    ]);
    expect(pending.writes().map((w) => [w.collection, w.op === 'upsert' ? w.doc : null])).toEqual([
      ['kept', { _id: 'c', n: 8 }],
      ['plain', { _id: 'c', n: 8 }],
    ]);
  });

  it('still writes a document back that an event removed, and one whose text differs only in key order', async () => {
    const { store, projection: flipping } = await readingFirst((n) =>
      n === 0 ? [{ op: 'delete', collection: 'plain', id: 'c' }] : [upsert('plain', n === 1 ? { _id: 'c', n: 7 } : { n: 7, _id: 'c' })],
    );
    const pending = new PendingDocuments(flipping);
    await evolveInto(pending, storedEvents([0, 1].map((n) => ({ type: 'Counted', data: { n } }))), store);
    expect(pending.writes().map((w) => (w.op === 'upsert' ? w.doc : w.op))).toEqual([{ _id: 'c', n: 7 }]);
    const reordered = new PendingDocuments(flipping);
    await evolveInto(reordered, storedEvents([{ type: 'Counted', data: { n: 2 } }]), store);
    expect(reordered.writes().map((w) => (w.op === 'upsert' ? w.doc : w.op))).toEqual([{ n: 7, _id: 'c' }]);
  });
});

describe('pending documents: merges', () => {
  type Sum = { _id: string; n: number; days: Record<string, number> };
  /** Each event adds its n to sum/total (and counts its day there), merged in place; n = 0 also reads the sum back. */
  const summing: Projection<{ n: number; day: string; fail?: boolean }> = {
    name: 'summing',
    version: 1,
    collections: ['sums', 'kept'],
    versioned: ['kept'],
    handles: ['Counted'],
    evolve: async (e, ctx) => {
      const add = merge<Sum>('sums', 'total', (current) => {
        const sum = current ?? { _id: 'total', n: 0, days: {} };
        sum.n += e.data.n;
        sum.days[e.data.day] = (sum.days[e.data.day] ?? 0) + 1;
        return sum;
      });
      if (e.data.fail) return [add, upsert('nowhere', { _id: 'x' })];
      if (e.data.n === 0) {
        const seen = await ctx.get<Sum>('sums', 'total');
        // A reader's copy: changing it changes nothing pending.
        if (seen) seen.n = -1;
        return [add, upsert('kept', { _id: 'seen', n: seen === null ? null : (await ctx.find<Sum>('sums', { n: { $gte: 0 } })).length })];
      }
      return [add];
    },
  };
  const counted = (...xs: Array<{ n: number; day: string; fail?: boolean }>) => storedEvents(xs.map((data) => ({ type: 'Counted', data })));

  it('adds every event to the stored document and writes it once, serialized at the end', async () => {
    const store = new InMemoryReadStore();
    await store.commit({ projection: 'seed', version: 1, fromPosition: 0, toPosition: 1, writes: [upsert('sums', { _id: 'total', n: 100, days: { d1: 1 } })] });
    const pending = new PendingDocuments(summing);
    const { applied, error } = await evolveInto(pending, counted({ n: 1, day: 'd1' }, { n: 2, day: 'd2' }, { n: 3, day: 'd2' }), store);
    expect({ applied, error }).toEqual({ applied: 3, error: null });
    const written = { _id: 'total', n: 106, days: { d1: 2, d2: 2 } };
    expect(pending.writes().map((w) => (w.op === 'upsert' ? w.doc : w.op))).toEqual([written]);
    // What it holds is the text written, measured once it is serialized.
    expect(pending.bytes).toBe(JSON.stringify(written).length);
  });

  it('creates the document when absent, and lets later events read and search it as merged so far', async () => {
    const pending = new PendingDocuments(summing);
    await evolveInto(pending, counted({ n: 5, day: 'd1' }, { n: 0, day: 'd1' }, { n: 4, day: 'd3' }), new InMemoryReadStore());
    const docs = Object.fromEntries(pending.writes().map((w) => [w.collection, w.op === 'upsert' ? w.doc : null]));
    // The reader's change of its copy did not reach the sum; find saw the one sum there was.
    expect(docs).toEqual({ sums: { _id: 'total', n: 9, days: { d1: 2, d3: 1 } }, kept: { _id: 'seen', n: 1 } });
  });

  it('gives the same documents evolved in one batch or committed event by event', async () => {
    const events = counted({ n: 1, day: 'd1' }, { n: 0, day: 'd2' }, { n: 7, day: 'd1' });
    const whole = new PendingDocuments(summing);
    await evolveInto(whole, events, new InMemoryReadStore());
    const store = new InMemoryReadStore();
    for (const [i, event] of events.entries()) {
      const one = new PendingDocuments(summing);
      await evolveInto(one, [event], store);
      await store.commit({ projection: 'summing', version: 1, fromPosition: i, toPosition: i + 1, writes: one.writes() });
    }
    const wrote = new Map(whole.writes().map((w) => [w.collection, w.op === 'upsert' ? w.doc : null]));
    expect(await store.get('sums', 'total')).toEqual(wrote.get('sums'));
    expect(await store.get('kept', 'seen')).toEqual(wrote.get('kept'));
  });

  it('leaves the document as it was when the event that merged into it fails', async () => {
    const pending = new PendingDocuments(summing);
    const { applied, error } = await evolveInto(pending, counted({ n: 1, day: 'd1' }, { n: 50, day: 'd9', fail: true }), new InMemoryReadStore());
    expect(applied).toBe(1);
    expect(error?.message).toMatch(/does not own collection nowhere/);
    expect(pending.writes().map((w) => (w.op === 'upsert' ? w.doc : w.op))).toEqual([{ _id: 'total', n: 1, days: { d1: 1 } }]);
  });

  it('refuses a merge into a versioned collection, which keeps an image per event', async () => {
    const versioning: Projection = { ...summing, evolve: () => [merge('kept', 'k', () => ({ _id: 'k' }))] };
    const pending = new PendingDocuments(versioning);
    const { applied, error } = await evolveInto(pending, counted({ n: 1, day: 'd1' }), new InMemoryReadStore());
    expect(applied).toBe(0);
    expect(error?.message).toMatch(/versioned collection/);
    expect(pending.writes()).toEqual([]);
  });
});

describe('pending documents: searches by a declared field', () => {
  type Item = { _id: string; source: string; tags: string[]; open: boolean };
  /** `put` writes an item; `seek` records what a search by source finds (and one by a field not declared). */
  const items: Projection<{ put?: Item; drop?: string; seek?: string; seekTag?: string }> = {
    name: 'items',
    version: 1,
    collections: ['items', 'found'],
    handles: ['Did'],
    indexes: { items: { source: 'scalar', tags: 'array', open: 'scalar' } },
    evolve: async (e, ctx) => {
      if (e.data.put) return [upsert('items', e.data.put)];
      if (e.data.drop) return [{ op: 'delete', collection: 'items', id: e.data.drop }];
      const filter = e.data.seek !== undefined ? { source: e.data.seek, open: true } : { tags: e.data.seekTag };
      const ids = (await ctx.find<Item>('items', filter)).map((d) => d._id).sort();
      return [upsert('found', { _id: `at-${e.position}`, ids })];
    },
  };
  const did = (...xs: Array<{ put?: Item; drop?: string; seek?: string; seekTag?: string }>) => storedEvents(xs.map((data) => ({ type: 'Did', data })));
  const item = (id: string, source: string, open = true, tags: string[] = []): Item => ({ _id: id, source, tags, open });

  it('finds the pending documents a search by a declared field matches, as they stand after each write, without scanning the collection', async () => {
    const store = new InMemoryReadStore();
    await store.commit({ projection: 'seed', version: 1, fromPosition: 0, toPosition: 1, writes: [upsert('items', item('stored', 's1'))] });
    const pending = new PendingDocuments(items);
    const events = did(
      { put: item('a', 's1') },
      { put: item('b', 's2') },
      { seek: 's1' },
      // Found by source before, then moved to another source, closed, deleted: each search sees it as it is then.
      { put: item('a', 's2') },
      { seek: 's1' },
      { seek: 's2' },
      { put: item('b', 's2', false) },
      { put: item('c', 's2') },
      { drop: 'a' },
      { seek: 's2' },
    );
    expect((await evolveInto(pending, events, store)).applied).toBe(events.length);
    const found = new Map(pending.writes().flatMap((w) => (w.op === 'upsert' && w.collection === 'found' ? [[w.doc._id, (w.doc as unknown as { ids: string[] }).ids]] : [])));
    expect([...found.values()]).toEqual([['a', 'stored'], ['stored'], ['a', 'b'], ['c']]);
    // Every search named a declared field: none counts as one that scans the pending documents.
    expect(pending.searched.size).toBe(0);
  });

  it('finds a document by any element of an array field, and scans when the filter names no declared field with a plain value', async () => {
    const pending = new PendingDocuments({ ...items, indexes: { items: { source: 'scalar' } } });
    const events = did({ put: item('a', 's1', true, ['x', 'y']) }, { put: item('b', 's1', true, ['y']) }, { seekTag: 'y' });
    await evolveInto(pending, events, new InMemoryReadStore());
    const found = pending.writes().find((w) => w.collection === 'found');
    expect(found?.op === 'upsert' && found.doc).toMatchObject({ ids: ['a', 'b'] });
    expect([...pending.searched]).toEqual(['items']);
    const indexed = new PendingDocuments(items);
    await evolveInto(indexed, events, new InMemoryReadStore());
    expect(indexed.writes().find((w) => w.collection === 'found')).toMatchObject({ doc: { ids: ['a', 'b'] } });
    expect(indexed.searched.size).toBe(0);
  });
});
