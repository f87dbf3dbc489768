import { generateKeyPairSync } from 'node:crypto';
import { GlobalNotary, GlobalNotaryOptions } from '../notary/global-notary';
import { NotarySource } from '../notary/notary-source';
import { NotaryStore } from '../notary/notary-store.port';
import { NotaryVerifier } from '../notary/notary-verifier';
import { signingKeyFrom } from '../witness/signing-key';

/** What an insider with write access to the event store can do to history. */
export interface HistoryTamperKit {
  /** Changes an event's data and leaves every hash as it was. */
  edit(position: number, data: unknown): void;
  /** Changes an event's data and recomputes its chain from there (the global one, or its stream's), so the store's own check passes. */
  rechain(position: number, data: unknown): void;
  remove(position: number): void;
  /** Exchanges two events' places in history, chains recomputed. */
  swap(a: number, b: number): void;
  /** Removes every event after `position`. */
  truncateAfter(position: number): void;
  /** The store's own chain check. */
  chainHolds(): Promise<boolean>;
}

export interface NotaryHarness {
  readonly source: NotarySource;
  /** Appends `count` events to `stream`; answers their positions. */
  append(count: number, stream?: string): Promise<number[]>;
  /** A handle on the one notary store, as another process opens it. */
  openStore(): NotaryStore;
  /** Null where the store cannot be tampered with from a test (a real server); the suite is then told so. */
  readonly tamper: HistoryTamperKit | null;
  cleanup(): Promise<void>;
}

export const testSigningKey = () => signingKeyFrom(generateKeyPairSync('ed25519').privateKey, 'test');

/** A notary and a verifier on the harness, with a clock that moves a second per call. */
export function notaryWorld(h: NotaryHarness, options: Partial<GlobalNotaryOptions> = {}) {
  let ms = Date.parse('2026-11-01T00:00:00.000Z');
  const clock = () => new Date((ms += 1000));
  const key = options.key ?? testSigningKey();
  const store = options.store ?? h.openStore();
  const notary = new GlobalNotary({ source: h.source, store, key, owner: 'notary-a', clock, intervalMs: 0, checkpointEveryEvents: 0, checkpointEveryMinutes: 0, ...options });
  const verifier = new NotaryVerifier({ source: h.source, store, key, page: 3 });
  return { key, store, notary, verifier, clock };
}

/** Every event store the notary runs over passes this suite: embedded here, KurrentDB with KURRENTDB_URL. */
export function notaryContract(name: string, makeHarness: () => Promise<NotaryHarness>, options: { tamper: boolean }): void {
  describe(`global notary: ${name}`, () => {
    let h: NotaryHarness;
    const stores: NotaryStore[] = [];
    const open = () => {
      const s = h.openStore();
      stores.push(s);
      return s;
    };
    beforeEach(async () => {
      h = await makeHarness();
    });
    afterEach(async () => {
      for (const s of stores.splice(0)) await s.close();
      await h.cleanup();
    });

    it("notarizes $all in order, each event's own hash with its position, stream, revision and id, and verifies it", async () => {
      const p1 = await h.append(3, 'problem-p-1');
      const p2 = await h.append(2, 'problem-p-2');
      const w = notaryWorld(h, { store: open() });
      expect(await w.notary.status()).toMatchObject({ tip: { seq: 0, position: 0 }, behind: true });
      expect(await w.notary.advance()).toMatchObject({ held: true, notarized: 5, tip: { seq: 5, position: p2[1] } });
      const links = await w.store.links(0, 10);
      const events = await h.source.read(0, 10);
      expect(links.map((l) => [l.position, l.streamId, l.revision, l.eventId, l.eventHash])).toEqual(
        events.map((e) => [e.position, e.streamId, e.streamRevision, e.eventId, e.hash]),
      );
      expect(links.map((l) => l.position)).toEqual([...p1, ...p2]);
      expect(await w.notary.status()).toMatchObject({ tip: { seq: 5 }, behind: false });
      await w.notary.checkpoint();
      expect(await w.verifier.verify()).toMatchObject({ ok: true, finding: 'consistent', notarizedChecked: 5, unnotarized: 0, from: null, checkpoint: { position: p2[1] } });
      // Appended after the notary's last round: checked for their own hashes, counted as not notarized yet.
      await h.append(2, 'problem-p-1');
      expect(await w.verifier.verify({ full: true })).toMatchObject({ ok: true, unnotarized: 2 });
    });

    it('verifies incrementally from the last verified notary checkpoint', async () => {
      await h.append(4);
      const w = notaryWorld(h, { store: open() });
      await w.notary.advance();
      const first = await w.notary.checkpoint();
      expect(await w.verifier.verify()).toMatchObject({ ok: true, from: null, notarizedChecked: 4 });
      await h.append(3, 'problem-p-2');
      await w.notary.advance();
      const second = await w.notary.checkpoint();
      const next = await w.verifier.verify();
      expect(next).toMatchObject({ ok: true, from: { position: first.position, seq: 4 }, notarizedChecked: 3, checkpoint: { position: second.position } });
      expect(next.verdict).toContain('incrementally');
      expect(await w.verifier.verify()).toMatchObject({ ok: true, from: { position: second.position, seq: 7 }, notarizedChecked: 0 });
    });

    it('restarts from its own chain after a crash mid-round, without a link written twice', async () => {
      await h.append(5);
      const store = open();
      let appends = 0;
      const crashing: NotaryStore = Object.assign(Object.create(store) as NotaryStore, {
        append: async (links: Parameters<NotaryStore['append']>[0]) => {
          if (++appends === 2) throw new Error('simulated crash in the second append');
          return store.append(links);
        },
      });
      const errors: unknown[] = [];
      const a = notaryWorld(h, { store: crashing, batch: 2, onError: (e) => errors.push(e) });
      expect(await a.notary.tick()).toBeNull();
      expect(errors).toHaveLength(1);
      expect((await store.last())?.seq).toBe(2);
      await h.append(1, 'problem-p-2');
      const b = notaryWorld(h, { store: open(), batch: 2, key: a.key });
      expect(await b.notary.advance()).toMatchObject({ notarized: 4, tip: { seq: 6 } });
      const links = await b.store.links(0, 100);
      expect(links.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(new Set(links.map((l) => l.position)).size).toBe(6);
      expect(await b.verifier.verify()).toMatchObject({ ok: true });
    });

    it('two notaries racing without a lease: the store lets one chain each event, never both', async () => {
      await h.append(6);
      const a = notaryWorld(h, { store: open(), batch: 2 });
      const b = notaryWorld(h, { store: open(), batch: 2, key: a.key });
      const rounds = await Promise.all([a.notary.advance(), b.notary.advance()]);
      expect(rounds.reduce((n, r) => n + r.notarized, 0)).toBe(6);
      const links = await a.store.links(0, 100);
      expect(links.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(new Set(links.map((l) => l.eventId)).size).toBe(6);
      expect(await a.verifier.verify()).toMatchObject({ ok: true });
    });

    // A server's history cannot be rewritten from a test: those cases run where the harness can (options.tamper).
    // Each is verified in full: an incremental pass starts at the last verified checkpoint (see the last case).
    if (options.tamper) describe('an insider rewriting the event store', () => {
      const notarized = async (count = 6) => {
        const positions = [...(await h.append(count / 2, 'problem-p-1')), ...(await h.append(count / 2, 'problem-p-2'))].sort((x, y) => x - y);
        const w = notaryWorld(h, { store: open() });
        await w.notary.advance();
        await w.notary.checkpoint();
        expect(await w.verifier.verify()).toMatchObject({ ok: true });
        return { w, positions, tamper: h.tamper! };
      };

      it('an edited event: its content no longer matches its hash', async () => {
        const { w, positions, tamper } = await notarized();
        tamper.edit(positions[2], { note: '改过' });
        expect(await tamper.chainHolds()).toBe(false);
        expect(await w.verifier.verify({ full: true })).toMatchObject({ ok: false, finding: 'modified', position: positions[2] });
      });

      it("an edited event whose chain was recomputed: the store's check passes, the notary recorded the original hash", async () => {
        const { w, positions, tamper } = await notarized();
        tamper.rechain(positions[1], { note: '改过的记录' });
        expect(await tamper.chainHolds()).toBe(true);
        expect(await w.verifier.verify({ full: true })).toMatchObject({ ok: false, finding: 'rewritten', position: positions[1] });
      });

      it('a deleted event', async () => {
        const { w, positions, tamper } = await notarized();
        tamper.remove(positions[3]);
        expect(await w.verifier.verify({ full: true })).toMatchObject({ ok: false, finding: 'deleted', position: positions[3] });
      });

      it("reordered events, chains recomputed: the store's check passes", async () => {
        const { w, positions, tamper } = await notarized();
        tamper.swap(positions[2], positions[3]);
        expect(await tamper.chainHolds()).toBe(true);
        expect(await w.verifier.verify({ full: true })).toMatchObject({ ok: false, finding: 'reordered', position: positions[2] });
      });

      it("an event appended, notarized, then removed: the store's check passes", async () => {
        const { w, positions, tamper } = await notarized();
        const [late] = await h.append(1, 'problem-p-3');
        await w.notary.advance();
        tamper.truncateAfter(positions[5]);
        expect(await tamper.chainHolds()).toBe(true);
        expect(await w.verifier.verify({ full: true })).toMatchObject({ ok: false, finding: 'truncated', position: late });
      });

      it('a tamper after the verified checkpoint is found by the incremental pass, one before it by the full pass it falls back to', async () => {
        const { w, positions, tamper } = await notarized();
        await h.append(2, 'problem-p-1');
        await w.notary.advance();
        expect(await w.verifier.verify()).toMatchObject({ ok: true, from: { seq: 6 } });
        tamper.rechain(positions[0], { note: '早先的改动' });
        expect(await w.verifier.verify()).toMatchObject({ ok: false, finding: 'rewritten', position: positions[0], from: null });
      });
    });
  });
}
