import type { StoredEvent } from '@platform/event-store';
import { InMemoryReadStore } from '../memory/in-memory-read-store';
import { Projection } from '../projection';
import { evolveBatch } from '../projection-batch';
import { AnyDocument } from '../read-store.port';

/** An event for a projection spec: type and data, the rest of the envelope filled in. */
export type GivenEvent = { readonly type: string; readonly data: unknown } & Partial<Omit<StoredEvent, 'type' | 'data'>>;

/** Complete envelopes with positions 1, 2, 3… (unless given) and a recordedAt a minute apart. */
export function storedEvents(events: readonly GivenEvent[]): StoredEvent[] {
  const start = Date.parse('2026-03-01T08:00:00.000Z');
  return events.map((e, i) => {
    const position = e.position ?? i + 1;
    const at = new Date(start + position * 60_000).toISOString();
    // Fields the envelope gains later stay absent here: cast rather than list them all.
    return {
      eventId: `event-${position}`,
      streamId: 'stream-1',
      streamRevision: i,
      schemaVersion: 1,
      occurredAt: at,
      recordedAt: at,
      actor: { userId: 'u-test', role: 'operator', unitId: null },
      correlationId: `corr-${position}`,
      causationId: null,
      idempotencyKey: null,
      prevHash: '',
      hash: '',
      ...e,
      position,
    } as StoredEvent;
  });
}

async function fold(projection: Projection, events: readonly StoredEvent[], batchSize: number): Promise<InMemoryReadStore> {
  const store = new InMemoryReadStore();
  let position = 0;
  for (let i = 0; i < events.length; i += batchSize) {
    const batch = events.slice(i, i + batchSize).filter((e) => projection.handles.includes(e.type));
    const evolved = await evolveBatch(projection, batch, store);
    if (evolved.error) throw evolved.error;
    const to = events[Math.min(i + batchSize, events.length) - 1].position;
    await store.commit({ projection: projection.name, version: projection.version, fromPosition: position, toPosition: to, writes: evolved.writes });
    position = to;
  }
  return store;
}

async function snapshot(projection: Projection, store: InMemoryReadStore): Promise<Record<string, AnyDocument[]>> {
  const result: Record<string, AnyDocument[]> = {};
  for (const c of projection.collections) result[c] = await store.find(c, {}, { sort: { _id: 1 } });
  return result;
}

/**
 * Given events / then documents, for projections. `then` folds the events both as one batch and
 * one event per batch and expects the same documents either way (evolve must not care how the
 * runner batches), then compares every collection of the projection with the expected documents.
 */
export function specifyProjection(projection: Projection) {
  return {
    given(events: readonly GivenEvent[]) {
      const stored = storedEvents(events);
      return {
        /** The documents the events produce, per collection, sorted by _id. */
        async documents(): Promise<Record<string, AnyDocument[]>> {
          return snapshot(projection, await fold(projection, stored, Math.max(stored.length, 1)));
        },
        async then(expected: Record<string, readonly AnyDocument[]>): Promise<void> {
          const whole = await snapshot(projection, await fold(projection, stored, Math.max(stored.length, 1)));
          const oneByOne = await snapshot(projection, await fold(projection, stored, 1));
          expect(oneByOne).toEqual(whole);
          const want: Record<string, AnyDocument[]> = {};
          for (const c of projection.collections) {
            want[c] = [...(expected[c] ?? [])].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
          }
          expect(whole).toEqual(want);
        },
        async thenFails(message: string | RegExp): Promise<void> {
          await expect(fold(projection, stored, Math.max(stored.length, 1))).rejects.toThrow(message);
        },
      };
    },
  };
}
