import { randomUUID } from 'node:crypto';
import { NewEvent } from '../event-envelope';
import { IdempotencyKeyReusedError, PartialDuplicateError, UnsupportedCapabilityError, WrongExpectedRevisionError } from '../event-store.errors';
import { EventStore } from '../event-store.port';
import { UpcasterRegistry } from '../upcasters';

export interface ContractHarness {
  /** A fresh, empty store. Reopening the same harness's store must see what was stored. */
  open(options?: { upcasters?: UpcasterRegistry }): Promise<EventStore>;
  reopen(): Promise<EventStore>;
  cleanup(): Promise<void>;
}

const actor = { userId: 'u-operator', role: 'operator', unitId: 'branch-1' };

export function newEvent(type: string, data: unknown, extra: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    occurredAt: '2026-03-01T08:00:00.000Z',
    actor,
    correlationId: 'corr-1',
    ...extra,
  };
}

function stream(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

/** Positions grow in commit order: by one per event where they are dense, by some amount otherwise. */
function expectIncreasing(store: EventStore, positions: readonly number[]): void {
  for (let i = 1; i < positions.length; i++) {
    if (store.capabilities.densePositions) expect(positions[i]).toBe(positions[i - 1] + 1);
    else expect(positions[i]).toBeGreaterThan(positions[i - 1]);
  }
}

/**
 * Every event-store adapter must pass this suite unchanged. Where an adapter declares it lacks a
 * capability (EventStoreCapabilities), the suite checks that it refuses or weakens exactly that.
 */
export function eventStoreContract(adapterName: string, makeHarness: () => ContractHarness): void {
  describe(`event store contract: ${adapterName}`, () => {
    let harness: ContractHarness;
    let store: EventStore;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
      await harness.cleanup();
    });

    it('stores the whole envelope and reads a stream back in order', async () => {
      const s = stream();
      const e1 = newEvent(
        'StepRecorded',
        { step: 'mobilization' },
        { causationId: 'cmd-1', idempotencyKey: 'k-1', commandFingerprint: 'f-1' },
      );
      const e2 = newEvent('StepRecorded', { step: 'study' }, { schemaVersion: 2 });
      const result = await store.append(s, [e1, e2], 'no_stream');
      expect(result).toMatchObject({ streamId: s, nextExpectedRevision: 1, deduplicated: false });
      expect(result.positions).toHaveLength(2);
      expectIncreasing(store, result.positions);

      const read = await store.readStream(s);
      expect(read.map((e) => e.streamRevision)).toEqual([0, 1]);
      expect(read[0]).toMatchObject({
        eventId: e1.eventId,
        type: 'StepRecorded',
        schemaVersion: 1,
        streamId: s,
        position: result.positions[0],
        data: { step: 'mobilization' },
        occurredAt: '2026-03-01T08:00:00.000Z',
        actor,
        correlationId: 'corr-1',
        causationId: 'cmd-1',
        idempotencyKey: 'k-1',
        commandFingerprint: 'f-1',
      });
      expect(read[1].commandFingerprint).toBeNull();
      expect(read[1].schemaVersion).toBe(2);
      expect(Date.parse(read[0].recordedAt)).not.toBeNaN();
      expect(read[0].recordedAt).not.toBe(read[0].occurredAt);
      expect(read[0].hash).toMatch(/^[0-9a-f]{64}$/);
      expect(read[1].prevHash).toBe(read[0].hash);
    });

    it('checks the expected revision and reports expected and actual on conflict', async () => {
      const s = stream();
      await store.append(s, [newEvent('A', {})], 'no_stream');
      await store.append(s, [newEvent('B', {})], 0);
      await store.append(s, [newEvent('C', {})], 'stream_exists');
      await store.append(s, [newEvent('D', {})], 'any');
      expect(await store.streamRevision(s)).toBe(3);

      const conflict = await store.append(s, [newEvent('E', {})], 1).catch((e: unknown) => e);
      expect(conflict).toBeInstanceOf(WrongExpectedRevisionError);
      expect(conflict).toMatchObject({ streamId: s, expected: 1, actual: 3 });
      await expect(store.append(s, [newEvent('E', {})], 'no_stream')).rejects.toMatchObject({ actual: 3 });
      await expect(store.append(stream(), [newEvent('E', {})], 'stream_exists')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await store.readStream(s)).toHaveLength(4);
    });

    it('writes several streams all or nothing, or refuses to when it cannot', async () => {
      const a = stream();
      const b = stream();
      await store.append(b, [newEvent('B0', {})], 'no_stream');
      const head = await store.headPosition();
      if (!store.capabilities.atomicMultiStream) {
        const refused = await store
          .appendMany([
            { streamId: a, events: [newEvent('A0', {})], expected: 'no_stream' },
            { streamId: b, events: [newEvent('B1', {})], expected: 0 },
          ])
          .catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(UnsupportedCapabilityError);
        expect(refused).toMatchObject({ capability: 'atomicMultiStream' });
        expect(await store.readStream(a)).toEqual([]);
        expect(await store.headPosition()).toBe(head);
        const [single] = await store.appendMany([{ streamId: a, events: [newEvent('A0', {})], expected: 'no_stream' }]);
        expect(single.positions[0]).toBeGreaterThan(head);
        return;
      }
      await expect(
        store.appendMany([
          { streamId: a, events: [newEvent('A0', {}), newEvent('A1', {})], expected: 'no_stream' },
          { streamId: b, events: [newEvent('B1', {})], expected: 'no_stream' },
        ]),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(a)).toEqual([]);
      expect(await store.headPosition()).toBe(head);

      const ok = await store.appendMany([
        { streamId: a, events: [newEvent('A0', {})], expected: 'no_stream' },
        { streamId: b, events: [newEvent('B1', {})], expected: 0 },
      ]);
      expectIncreasing(store, [head, ...ok.map((r) => r.positions[0])]);
    });

    it('treats a retry with the same event ids as already done: same positions, nothing new', async () => {
      const s = stream();
      const events = [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })];
      const first = await store.append(s, events, 'no_stream');
      const retry = await store.append(s, events, 'no_stream');
      expect(retry).toMatchObject({ positions: first.positions, eventIds: first.eventIds, deduplicated: true });
      expect(await store.readStream(s)).toHaveLength(2);
      expect(await store.headPosition()).toBe(first.positions[1]);
    });

    it('refuses stored event ids sent with another command fingerprint, even in the same commit', async () => {
      const s = stream();
      const id = randomUUID();
      const keyed = (note: string, print: string) => newEvent('ProgressRecorded', { note }, { eventId: id, idempotencyKey: 'k', commandFingerprint: print });
      const [first, second, same] = await Promise.allSettled([
        store.append(s, [keyed('a', 'f-a')], 'any'),
        store.append(s, [keyed('b', 'f-b')], 'any'),
        store.append(s, [keyed('a', 'f-a')], 'any'),
      ]);
      expect(first).toMatchObject({ status: 'fulfilled', value: { deduplicated: false } });
      expect(second.status === 'rejected' && second.reason).toBeInstanceOf(IdempotencyKeyReusedError);
      expect(same).toMatchObject({ status: 'fulfilled', value: { deduplicated: true } });
      // Into another stream: refused where event ids are known store-wide; elsewhere the lookup answers a retry first.
      const elsewhere = store.append(stream(), [keyed('c', 'f-c')], 'no_stream');
      if (store.capabilities.globalEventIds) await expect(elsewhere).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      else await elsewhere;
      expect((await store.readStream(s)).map((e) => e.data)).toEqual([{ note: 'a' }]);
    });

    it('refuses a batch that repeats only some stored event ids, writing nothing', async () => {
      const s = stream();
      const a = newEvent('A', {});
      await store.append(s, [a], 'no_stream');
      await expect(store.append(s, [a, newEvent('B', {})], 'any')).rejects.toBeInstanceOf(PartialDuplicateError);
      expect(await store.readStream(s)).toHaveLength(1);
    });

    it('rejects an empty or malformed append without writing', async () => {
      const s = stream();
      await expect(store.append(s, [], 'any')).rejects.toThrow();
      const dup = newEvent('A', {});
      await expect(store.append(s, [dup, dup], 'any')).rejects.toThrow();
      await expect(store.append(s, [newEvent('A', {}, { occurredAt: 'yesterday' })], 'any')).rejects.toThrow(
        /occurredAt/,
      );
      expect(await store.headPosition()).toBe(0);
    });

    it('keeps global positions gap-free and in commit order under concurrent appends', async () => {
      const streams = Array.from({ length: 5 }, () => stream());
      const attempts = streams.flatMap((s) => [
        store.append(s, [newEvent('X', { s })], 'no_stream'),
        store.append(s, [newEvent('Y', { s })], 'no_stream'),
      ]);
      const settled = await Promise.allSettled(attempts);
      const ok = settled.filter((r) => r.status === 'fulfilled');
      const failed = settled.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(ok).toHaveLength(5);
      expect(failed).toHaveLength(5);
      failed.forEach((f) => expect(f.reason).toBeInstanceOf(WrongExpectedRevisionError));
      const all = await store.readAll();
      expect(all).toHaveLength(5);
      if (store.capabilities.densePositions) expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
      expectIncreasing(store, all.map((e) => e.position));
      if (store.capabilities.globalHashChain) for (let i = 1; i < all.length; i++) expect(all[i].prevHash).toBe(all[i - 1].hash);
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 5 });
    });

    it('reads all events from a position, in batches, filtered by type and stream prefix, up to a position', async () => {
      const at = async (i: number) => (await store.readAll())[i].position;
      const campaign = stream('campaign');
      const org = stream('org');
      await store.append(campaign, [newEvent('CampaignLaunched', {}), newEvent('UnitEnrolled', {})], 'no_stream');
      await store.append(org, [newEvent('UnitCreated', {})], 'no_stream');
      await store.append(campaign, [newEvent('UnitEnrolled', {})], 1);

      expect((await store.readAll()).map((e) => e.type)).toEqual([
        'CampaignLaunched',
        'UnitEnrolled',
        'UnitCreated',
        'UnitEnrolled',
      ]);
      const p = [await at(0), await at(1), await at(2), await at(3)];
      if (store.capabilities.densePositions) expect(p).toEqual([1, 2, 3, 4]);
      expect((await store.readAll({ after: p[1], limit: 1 })).map((e) => e.position)).toEqual([p[2]]);
      expect((await store.readAll({ after: p[0], limit: 2 })).map((e) => e.position)).toEqual([p[1], p[2]]);
      expect((await store.readAll({ types: ['UnitEnrolled'] })).map((e) => e.position)).toEqual([p[1], p[3]]);
      expect((await store.readAll({ streamPrefix: 'org-' })).map((e) => e.streamId)).toEqual([org]);
      expect((await store.readAll({ until: p[1] })).map((e) => e.position)).toEqual([p[0], p[1]]);
      expect(await store.readAll({ after: p[3] })).toEqual([]);
      expect(await store.headPosition()).toBe(p[3]);
      expect((await store.readStream(campaign, { fromRevision: 1 })).map((e) => e.streamRevision)).toEqual([1, 2]);
      expect((await store.readStream(campaign, { untilPosition: p[2] })).map((e) => e.streamRevision)).toEqual([0, 1]);
    });

    it('gives every position an opaque token that names it again and sorts as the log, and counts events where it can', async () => {
      const s = stream('campaign');
      const { positions } = await store.append(s, [newEvent('CampaignLaunched', {}), newEvent('UnitEnrolled', {}), newEvent('UnitEnrolled', {})], 'no_stream');
      for (const p of [0, ...positions]) {
        const token = store.positions.token(p);
        expect(typeof token).toBe('string');
        expect(store.positions.position(token)).toBe(p);
      }
      // Later positions have greater tokens in plain string order, and compare agrees.
      const tokens = [0, ...positions].map((p) => store.positions.token(p));
      expect([...tokens].reverse().sort()).toEqual(tokens);
      expect(new Set(tokens).size).toBe(tokens.length);
      for (let i = 1; i < tokens.length; i++) expect(store.positions.compare(tokens[i - 1], tokens[i])).toBe(-1);
      for (const bad of ['', 'abc', '-1', '1e3', ' 1', '9007199254740993', 'C:1/P:2']) expect(store.positions.position(bad)).toBeNull();
      const counted = await store.countEvents(positions[0], positions[2]);
      // A store that cannot count says so; one that counts is right.
      if (counted !== null || store.capabilities.densePositions) expect(counted).toBe(2);
      if (counted !== null) expect(await store.countEvents(positions[2], positions[2])).toBe(0);
    });

    it('verifies the hash chain over all history', async () => {
      for (let i = 0; i < 5; i++) await store.append(stream(), [newEvent('A', { i })], 'no_stream');
      expect(await store.verifyChain()).toEqual({
        ok: true,
        checked: 5,
        headPosition: await store.headPosition(),
        firstBrokenPosition: null,
        reason: null,
      });
    });

    it('upcasts old schema versions on read, chained by version', async () => {
      await store.close();
      const upcasters = new UpcasterRegistry([
        { type: 'StepRecorded', fromVersion: 1, toVersion: 2, upcast: (d) => ({ ...(d as object), hours: 0 }) },
        {
          type: 'StepRecorded',
          fromVersion: 2,
          toVersion: 3,
          upcast: (d) => ({ ...(d as object), evidence: (d as { note?: string }).note ?? '' }),
        },
      ]);
      store = await harness.open({ upcasters });
      const s = stream();
      await store.append(s, [newEvent('StepRecorded', { note: 'minutes' }), newEvent('Other', { a: 1 })], 'no_stream');
      const [step, other] = await store.readStream(s);
      expect(step).toMatchObject({ schemaVersion: 3, data: { note: 'minutes', hours: 0, evidence: 'minutes' } });
      expect(other).toMatchObject({ schemaVersion: 1, data: { a: 1 } });
      expect((await store.readAll())[0].data).toEqual({ note: 'minutes', hours: 0, evidence: 'minutes' });
    });

    it('keeps what it stored across a reopen', async () => {
      const s = stream();
      const r = await store.append(s, [newEvent('A', {})], 'no_stream');
      await store.close();
      store = await harness.reopen();
      expect((await store.readStream(s)).map((e) => e.position)).toEqual(r.positions);
      expect((await store.verifyChain()).ok).toBe(true);
    });
  });
}
