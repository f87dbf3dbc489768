import { CheckpointConflictError } from '../read-store.errors';
import { AnyDocument, CommitBatch, DocumentWrite, ReadStore, remove, upsert } from '../read-store.port';

export interface ReadStoreHarness {
  /** A fresh, empty store. */
  open(): Promise<ReadStore>;
  /** The same store's data, opened again (after the previous instance was closed). */
  reopen(): Promise<ReadStore>;
  cleanup(): Promise<void>;
}

const units: AnyDocument[] = [
  { _id: 'u1', name: '城关镇党委', type: 'rural', members: 120, unit: { county: 'A', level: 2 }, tags: ['pilot'], problems: [{ kind: 'deferred', open: true }] },
  { _id: 'u2', name: '城南街道', type: 'community', members: 45, unit: { county: 'A', level: 3 }, tags: [], problems: [{ kind: 'joint', open: false }, { kind: 'deadline', open: true }] },
  { _id: 'u3', name: 'Bureau of Water', type: 'agency', members: 45, unit: { county: 'B', level: 2 }, tags: ['pilot', 'model'], problems: [] },
  { _id: 'u4', name: 'bureau of roads', type: 'agency', members: 300, unit: { county: 'B', level: 3 }, tags: ['model'], problems: [{ kind: 'deferred', open: false }] },
  { _id: 'u5', name: '第一中学', type: 'school', members: 12, unit: { county: 'C', level: 3 }, problems: [{ kind: 'deferred', open: true }] },
];

function batch(projection: string, fromPosition: number, toPosition: number, writes: DocumentWrite[]): CommitBatch {
  return { projection, version: 1, fromPosition, toPosition, writes };
}

function ids(docs: readonly AnyDocument[]): string[] {
  return docs.map((d) => d._id);
}

/** Every read-store adapter must pass this suite unchanged. */
export function readStoreContract(adapterName: string, makeHarness: () => ReadStoreHarness): void {
  describe(`read store contract: ${adapterName}`, () => {
    let harness: ReadStoreHarness;
    let store: ReadStore;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
      await harness.cleanup();
    });

    const seed = () => store.commit(batch('units-view', 0, 5, units.map((u) => upsert('units', u))));

    it('creates, reads, replaces and deletes documents, handing out copies', async () => {
      expect(await store.get('units', 'u1')).toBeNull();
      await seed();
      expect(await store.get('units', 'u1')).toEqual(units[0]);

      const copy = await store.get<{ _id: string; members: number }>('units', 'u1');
      copy!.members = 0;
      expect((await store.get('units', 'u1'))?.members).toBe(120);

      await store.commit(batch('units-view', 5, 6, [upsert('units', { _id: 'u1', name: 'renamed' })]));
      expect(await store.get('units', 'u1')).toEqual({ _id: 'u1', name: 'renamed' });
      await store.commit(batch('units-view', 6, 7, [remove('units', 'u2'), remove('units', 'missing')]));
      expect(await store.get('units', 'u2')).toBeNull();
      expect(await store.count('units')).toBe(4);
      expect(await store.count('nothing-here')).toBe(0);
      expect(await store.find('nothing-here')).toEqual([]);
    });

    it('stores plain JSON and keeps the last write per document within a batch', async () => {
      await store.commit(
        batch('p', 0, 1, [
          upsert('docs', { _id: 'a', n: 1 }),
          upsert('docs', { _id: 'a', n: 2, at: new Date('2026-03-01T00:00:00.000Z'), gone: undefined } as never),
          upsert('docs', { _id: 'b', n: 1 }),
          remove('docs', 'b'),
        ]),
      );
      expect(await store.find('docs')).toEqual([{ _id: 'a', n: 2, at: '2026-03-01T00:00:00.000Z' }]);
    });

    it('applies a large batch in order: documents rewritten, deleted and created again among hundreds of others', async () => {
      await store.ensureIndexes?.('tagged', { tags: 'array', n: 'scalar' });
      const writes: DocumentWrite[] = [];
      const expected = new Map<string, AnyDocument | null>();
      const put = (collection: string, doc: AnyDocument) => {
        writes.push(upsert(collection, doc));
        expected.set(`${collection}/${doc._id}`, doc);
      };
      const drop = (collection: string, id: string) => {
        writes.push(remove(collection, id));
        expected.set(`${collection}/${id}`, null);
      };
      const id = (i: number) => `d${String(i % 300).padStart(3, '0')}`;
      // Runs of more than a hundred upserts in a row, a document among them written twice.
      for (let i = 0; i < 450; i++) {
        put('many', { _id: id(i), n: i });
        if (i % 50 === 25) put('many', { _id: id(i - 5), n: -i });
        if (i % 160 === 0) put('tagged', { _id: id(i), n: i, tags: [`t${i % 4}`, 'all'] });
        if (i % 230 === 200) drop('many', id(i + 1));
        if (i % 150 === 0) drop('tagged', 'd000');
      }
      await store.commit(batch('p', 0, 1, writes));
      for (const collection of ['many', 'tagged']) {
        const want = [...expected]
          .filter(([key, doc]) => key.startsWith(`${collection}/`) && doc !== null)
          .map(([, doc]) => doc as AnyDocument)
          .sort((a, b) => (a._id < b._id ? -1 : 1));
        expect(await store.find(collection, {}, { sort: { _id: 1 } })).toEqual(want);
      }
      const taggedAll = [...expected].filter(([key, doc]) => key.startsWith('tagged/') && doc !== null).length;
      expect(await store.count('tagged', { tags: 'all' })).toBe(taggedAll);
      expect(ids(await store.find('tagged', { tags: 't1' }, { sort: { _id: 1 } }))).toEqual(
        [...expected]
          .filter(([key, doc]) => key.startsWith('tagged/') && (doc?.tags as string[] | undefined)?.includes('t1'))
          .map(([key]) => key.slice('tagged/'.length))
          .sort(),
      );
    });

    it('filters with MongoDB operators: $in, $gte, $regex, nested fields, $elemMatch and friends', async () => {
      await seed();
      expect(ids(await store.find('units', { type: { $in: ['agency', 'school'] } }))).toEqual(['u3', 'u4', 'u5']);
      expect(ids(await store.find('units', { members: { $gte: 45 } }))).toEqual(['u1', 'u2', 'u3', 'u4']);
      expect(ids(await store.find('units', { members: { $gt: 12, $lt: 300 } }))).toEqual(['u1', 'u2', 'u3']);
      expect(ids(await store.find('units', { name: { $regex: '^bureau', $options: 'i' } }))).toEqual(['u3', 'u4']);
      expect(ids(await store.find('units', { name: { $regex: '^城' } }))).toEqual(['u1', 'u2']);
      expect(ids(await store.find('units', { 'unit.county': 'B', 'unit.level': 3 }))).toEqual(['u4']);
      expect(ids(await store.find('units', { problems: { $elemMatch: { kind: 'deferred', open: true } } }))).toEqual([
        'u1',
        'u5',
      ]);
      expect(ids(await store.find('units', { tags: 'pilot' }))).toEqual(['u1', 'u3']);
      expect(ids(await store.find('units', { tags: { $exists: false } }))).toEqual(['u5']);
      expect(ids(await store.find('units', { type: { $ne: 'agency' }, 'unit.county': { $nin: ['C'] } }))).toEqual([
        'u1',
        'u2',
      ]);
      expect(ids(await store.find('units', { $or: [{ members: { $lt: 20 } }, { 'unit.county': 'A', type: 'rural' }] }))).toEqual([
        'u1',
        'u5',
      ]);
      expect(await store.count('units', { 'problems.open': true })).toBe(3);
      expect(await store.count('units', { problems: { $size: 0 } })).toBe(1);
    });

    it('sorts, skips, limits and counts for stable pages', async () => {
      await seed();
      expect(ids(await store.find('units', {}, { sort: { members: -1 } }))).toEqual(['u4', 'u1', 'u2', 'u3', 'u5']);
      // Ties (u2 and u3 both have 45 members) are broken by _id ascending.
      expect(ids(await store.find('units', {}, { sort: { members: 1 }, skip: 1, limit: 2 }))).toEqual(['u2', 'u3']);
      expect(ids(await store.find('units', {}, { sort: { 'unit.county': -1, members: 1 } }))).toEqual([
        'u5',
        'u3',
        'u4',
        'u2',
        'u1',
      ]);
      expect(ids(await store.find('units', { type: 'agency' }, { skip: 1 }))).toEqual(['u4']);
      expect(ids(await store.find('units', {}, { skip: 4, limit: 10 }))).toEqual(['u5']);
      expect(await store.find('units', {}, { skip: 10 })).toEqual([]);
      expect(await store.find('units', {}, { limit: 0 })).toEqual([]);
      expect(await store.count('units', { 'unit.county': { $in: ['A', 'B'] } })).toBe(4);
    });

    it('commits the writes together with the checkpoint, and refuses a batch computed from another checkpoint', async () => {
      expect(await store.checkpoint('units-view')).toBeNull();
      await seed();
      expect(await store.checkpoint('units-view')).toMatchObject({ projection: 'units-view', position: 5, version: 1 });

      const stale = store.commit(batch('units-view', 3, 9, [upsert('units', { _id: 'u9' })]));
      await expect(stale).rejects.toBeInstanceOf(CheckpointConflictError);
      const again = store.commit(batch('units-view', 0, 9, [upsert('units', { _id: 'u9' })]));
      await expect(again).rejects.toBeInstanceOf(CheckpointConflictError);
      expect(await store.get('units', 'u9')).toBeNull();
      expect((await store.checkpoint('units-view'))?.position).toBe(5);

      await store.commit({ ...batch('units-view', 5, 8, []), version: 2 });
      expect(await store.checkpoint('units-view')).toMatchObject({ position: 8, version: 2 });
    });

    it('keeps the hash of the event at the checkpoint beside it, across a reopen', async () => {
      await seed();
      expect((await store.checkpoint('units-view'))?.hash).toBeNull();
      await store.commit({ ...batch('units-view', 5, 7, []), toHash: 'a'.repeat(64) });
      expect(await store.checkpoint('units-view')).toMatchObject({ position: 7, hash: 'a'.repeat(64) });
      await store.close();
      store = await harness.reopen();
      expect((await store.checkpoints()).find((c) => c.projection === 'units-view')).toMatchObject({ position: 7, hash: 'a'.repeat(64) });
      await store.reset('units-view', ['units']);
      await store.commit({ ...batch('units-view', 0, 2, []), toHash: 'b'.repeat(64) });
      expect((await store.checkpoint('units-view'))?.hash).toBe('b'.repeat(64));
    });

    it('leaves neither documents nor checkpoint when a batch fails half-way', async () => {
      await seed();
      const failing = batch('units-view', 5, 9, [
        upsert('units', { _id: 'u1', members: 0 }),
        remove('units', 'u2'),
        upsert('units', { _id: 'u6', big: BigInt(1) } as never),
        upsert('units', { _id: 'u7' }),
      ]);
      await expect(store.commit(failing)).rejects.toThrow();
      await expect(store.commit(batch('units-view', 5, 9, [upsert('units', { _id: '' })]))).rejects.toThrow();
      await expect(store.commit(batch('units-view', 5, 9, [upsert('$bad', { _id: 'x' })]))).rejects.toThrow();
      expect((await store.checkpoint('units-view'))?.position).toBe(5);
      expect(await store.find('units')).toEqual(units);
    });

    it('resets one projection: its collections and checkpoint go, the others stay', async () => {
      await seed();
      await store.commit(batch('totals-view', 0, 5, [upsert('totals', { _id: 'all', units: 5 })]));
      await store.commit(batch('units-view', 5, 6, [upsert('unit_tags', { _id: 'pilot', n: 2 })]));
      await store.reset('units-view', ['units', 'unit_tags']);
      expect(await store.checkpoint('units-view')).toBeNull();
      expect(await store.count('units')).toBe(0);
      expect(await store.count('unit_tags')).toBe(0);
      expect(await store.get('totals', 'all')).toEqual({ _id: 'all', units: 5 });
      expect((await store.checkpoints()).map((c) => c.projection)).toEqual(['totals-view']);
      // A rebuild starts again from 0.
      await store.commit(batch('units-view', 0, 2, [upsert('units', units[0])]));
      expect(ids(await store.find('units'))).toEqual(['u1']);
    });

    it('keeps documents and checkpoints across a reopen', async () => {
      await seed();
      await store.commit(batch('totals-view', 0, 3, [upsert('totals', { _id: 'all', units: 5 })]));
      await store.close();
      store = await harness.reopen();
      expect(await store.find('units', {}, { sort: { _id: 1 } })).toEqual(units);
      expect((await store.checkpoints()).map((c) => [c.projection, c.position])).toEqual([
        ['totals-view', 3],
        ['units-view', 5],
      ]);
      await store.commit(batch('units-view', 5, 6, [remove('units', 'u5')]));
      expect(await store.count('units')).toBe(4);
    });
  });
}
