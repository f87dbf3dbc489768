import type { EventStore } from '@platform/event-store';
import { InMemoryReadStore } from './memory/in-memory-read-store';
import { Projection } from './projection';
import { evolveBatch } from './projection-batch';

/** A past moment: a global position, or a time (the last event recorded at or before it). */
export type AsOf = { readonly untilPosition: number } | { readonly at: Date | string };

export interface AsOfResult {
  /** The global position the documents reflect (the head, if a later one was asked for). */
  readonly position: number;
  /** Same interface as the live store: the same query code runs against it. */
  readonly store: InMemoryReadStore;
}

/**
 * The global position of the last event recorded at or before `time` (0 if none): what the system
 * knew then. `recordedAt` is the store's clock at commit, so it grows with the position; a binary
 * search over positions with `readAll` needs O(log head) one-event reads. Positions may have gaps
 * (KurrentDB's commit positions do): each probe takes the first event after the probed value.
 * (Backdated `occurredAt` times play no part: a notice of last month shows what was known then.)
 */
export async function positionAt(events: EventStore, time: Date | string): Promise<number> {
  const t = typeof time === 'string' ? Date.parse(time) : time.getTime();
  if (Number.isNaN(t)) throw new Error(`not a time: ${String(time)}`);
  // Invariant: every event at or before `lo` was recorded at or before t (lo is 0 or an event's
  // position); every event after `hi` was recorded after t.
  let lo = 0;
  let hi = await events.headPosition();
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    const [e] = await events.readAll({ after: mid - 1, limit: 1 });
    if (!e || e.position > hi) hi = mid - 1;
    else if (Date.parse(e.recordedAt) <= t) lo = e.position;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Folds the projection's events up to a past position (or time) into a fresh in-memory store:
 * the view exactly as it stood then — a notice (通报) of last month, reproduced. Pass an older or
 * newer version of a projection to recompute the same past under either definition.
 */
export async function computeAsOf(
  events: EventStore,
  projection: Projection,
  asOf: AsOf,
  options: { batchSize?: number } = {},
): Promise<AsOfResult> {
  const head = await events.headPosition();
  const wanted = 'untilPosition' in asOf ? asOf.untilPosition : await positionAt(events, asOf.at);
  if (!Number.isInteger(wanted) || wanted < 0) throw new Error(`not a position: ${wanted}`);
  const until = Math.min(wanted, head);
  const store = new InMemoryReadStore();
  const batchSize = options.batchSize ?? 500;
  let position = 0;
  while (position < until) {
    const batch = await events.readAll({ after: position, until, types: projection.handles, limit: batchSize });
    const next = batch.length === batchSize ? batch[batch.length - 1].position : until;
    const evolved = await evolveBatch(projection, batch, store);
    if (evolved.error) throw evolved.error;
    await store.commit({
      projection: projection.name,
      version: projection.version,
      fromPosition: position,
      toPosition: next,
      writes: evolved.writes,
    });
    position = next;
  }
  return { position: until, store };
}
