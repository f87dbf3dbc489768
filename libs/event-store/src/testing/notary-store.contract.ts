import { chainLinks, NOTARY_GENESIS, NotarizedFields, tipOf } from '../notary/notary-chain';
import { NotaryStore } from '../notary/notary-store.port';

export interface NotaryStoreHarness {
  /** Two handles on the same stored chain, as two notaries in two processes would have. */
  open(): Promise<{ a: NotaryStore; b: NotaryStore }>;
  cleanup(): Promise<void>;
}

const hash = (n: number) => n.toString(16).padStart(64, '0');
export const notarizedEvents = (from: number, count: number, stream = 'problem-p-1'): NotarizedFields[] =>
  Array.from({ length: count }, (_, i) => ({ position: from + i, streamId: stream, revision: from + i - 1, eventId: `e-${from + i}`, eventHash: hash(from + i) }));

/** Every notary store adapter passes this suite unchanged. */
export function notaryStoreContract(adapterName: string, makeHarness: () => NotaryStoreHarness): void {
  describe(`notary store contract: ${adapterName}`, () => {
    let harness: NotaryStoreHarness;
    let a: NotaryStore;
    let b: NotaryStore;
    beforeEach(async () => {
      harness = makeHarness();
      ({ a, b } = await harness.open());
    });
    afterEach(async () => {
      await a.close();
      await b.close();
      await harness.cleanup();
    });

    it('starts empty, appends links that continue the chain and reads them back by seq, position and stream revision', async () => {
      expect(await a.last()).toBeNull();
      const first = chainLinks(NOTARY_GENESIS, notarizedEvents(1, 3));
      expect(await a.append(first)).toBe(true);
      const second = chainLinks(tipOf(first[2]), notarizedEvents(4, 2));
      expect(await b.append(second)).toBe(true);
      expect(await b.last()).toEqual(second[1]);
      expect(await a.links(0, 10)).toEqual([...first, ...second]);
      expect(await a.links(2, 2)).toEqual([first[2], second[0]]);
      expect(await b.atPosition(4)).toEqual(second[0]);
      expect(await b.atPosition(9)).toBeNull();
      expect(await a.ofStream('problem-p-1', 2)).toEqual(first[2]);
      expect(await a.ofStream('problem-p-2', 0)).toBeNull();
    });

    it('refuses, writing nothing, links that do not continue the stored chain: two notaries never fork it or write a link twice', async () => {
      const mine = chainLinks(NOTARY_GENESIS, notarizedEvents(1, 2));
      const theirs = chainLinks(NOTARY_GENESIS, notarizedEvents(1, 3, 'problem-p-2'));
      expect(await a.append(mine)).toBe(true);
      expect(await b.append(theirs)).toBe(false);
      expect(await b.append(mine)).toBe(false);
      // A link that skips a seq, or hangs on another hash, is refused too.
      const skipping = chainLinks({ seq: 3, position: 2, hash: mine[1].hash }, notarizedEvents(3, 1));
      expect(await b.append(skipping)).toBe(false);
      const forked = chainLinks({ ...tipOf(mine[1]), hash: hash(99) }, notarizedEvents(3, 1));
      expect(await b.append(forked)).toBe(false);
      expect(await a.links(0, 10)).toEqual(mine);
    });

    it('refuses concurrent appends of the same seq: exactly one of them is stored', async () => {
      const one = chainLinks(NOTARY_GENESIS, notarizedEvents(1, 2));
      const other = chainLinks(NOTARY_GENESIS, notarizedEvents(1, 2, 'problem-p-9'));
      const results = await Promise.all([a.append(one), b.append(other)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await a.links(0, 10)).toEqual(results[0] ? one : other);
    });

    it('keeps the signed checkpoints, oldest first, a repeated one once', async () => {
      expect(await a.latestCheckpoint()).toBeNull();
      const c1 = { position: 3, hash: hash(3), issuedAt: '2026-11-01T00:00:01Z', keyId: 'k'.repeat(16), signature: 's'.repeat(86) };
      const c2 = { ...c1, position: 7, hash: hash(7), issuedAt: '2026-11-01T00:00:09Z', signature: 't'.repeat(86) };
      await a.addCheckpoint(c1);
      await b.addCheckpoint(c2);
      await a.addCheckpoint(c2);
      expect(await b.checkpoints()).toEqual([c1, c2]);
      expect(await a.latestCheckpoint()).toEqual(c2);
    });
  });
}
