import { randomUUID } from 'node:crypto';
import { EventStore } from '../event-store.port';
import { IdempotencyLookup } from '../idempotency/idempotency-lookup.port';
import { newEvent } from './event-store.contract';

export interface IdempotencyHarness {
  /** The event store the lookup answers for, and the lookup itself; a fresh pair each time. */
  open(): Promise<{ events: EventStore; lookup: IdempotencyLookup }>;
  /** The same store and lookup after a restart. */
  reopen(): Promise<{ events: EventStore; lookup: IdempotencyLookup }>;
  cleanup(): Promise<void>;
}

/** Every idempotency-lookup adapter must pass this suite: a retried command finds its first result through it. */
export function idempotencyLookupContract(adapterName: string, makeHarness: () => IdempotencyHarness): void {
  describe(`idempotency lookup contract: ${adapterName}`, () => {
    let harness: IdempotencyHarness;
    let events: EventStore;
    let lookup: IdempotencyLookup;
    const key = () => `user-1:${randomUUID()}`;

    beforeEach(async () => {
      harness = makeHarness();
      ({ events, lookup } = await harness.open());
    });
    afterEach(async () => {
      await events.close();
      await harness.cleanup();
    });

    it('finds the events of one command by its key, in position order, as soon as the append is acknowledged', async () => {
      const k = key();
      const s = `test-${randomUUID()}`;
      const [stored] = await events.appendMany([
        { streamId: s, events: [newEvent('A', {}, { idempotencyKey: k, commandFingerprint: 'f' }), newEvent('B', {}, { idempotencyKey: k, commandFingerprint: 'f' })], expected: 'no_stream' },
      ]);
      await events.append(s, [newEvent('C', {}, { idempotencyKey: key() })], 'any');
      const found = await lookup.findByIdempotencyKey(k);
      expect(found.map((e) => e.type)).toEqual(['A', 'B']);
      expect(found.map((e) => e.position)).toEqual(stored.positions);
      expect(found.every((e) => e.streamId === s && e.commandFingerprint === 'f' && e.idempotencyKey === k)).toBe(true);
    });

    it('answers nothing for an unknown key, for events stored without a key, and for a key that only shares a prefix', async () => {
      const k = key();
      await events.append(`test-${randomUUID()}`, [newEvent('A', {}), newEvent('B', {}, { idempotencyKey: `${k}-2` })], 'no_stream');
      expect(await lookup.findByIdempotencyKey(k)).toEqual([]);
      expect(await lookup.findByIdempotencyKey('')).toEqual([]);
    });

    it('finds a command that wrote several streams, one append after another, all of its events', async () => {
      const k = key();
      const a = `test-${randomUUID()}`;
      const b = `test-${randomUUID()}`;
      // As commands write several streams: no store has to offer an atomic multi-stream append.
      await events.append(a, [newEvent('A', {}, { idempotencyKey: k })], 'no_stream');
      await events.append(b, [newEvent('B', {}, { idempotencyKey: k })], 'no_stream');
      expect((await lookup.findByIdempotencyKey(k)).map((e) => e.streamId)).toEqual([a, b]);
    });

    it('still finds the key after a restart', async () => {
      const k = key();
      await events.append(`test-${randomUUID()}`, [newEvent('A', {}, { idempotencyKey: k })], 'no_stream');
      await events.close();
      ({ events, lookup } = await harness.reopen());
      expect((await lookup.findByIdempotencyKey(k)).map((e) => e.type)).toEqual(['A']);
    });
  });
}
