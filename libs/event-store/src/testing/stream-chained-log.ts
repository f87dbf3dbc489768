import { randomUUID } from 'node:crypto';
import { StoredEvent } from '../event-envelope';
import { ReadAllOptions } from '../event-store.port';
import { GENESIS_HASH } from '../hash-chain';
import { prepareEvents, toStoredEvent, verifyStreamChains } from '../kurrentdb/kurrentdb-envelope';
import { UpcasterRegistry } from '../upcasters';
import { newEvent } from './event-store.contract';

/**
 * `$all` as the KurrentDB adapter stores it — per-stream hash chains made by its own envelope
 * code, positions that grow with gaps (commit positions) — held in an array an insider may
 * rewrite. It lets the notary's per-stream verification run where no KurrentDB server is at
 * hand; with KURRENTDB_URL the same notary runs over the adapter itself.
 */
export class StreamChainedLog {
  events: StoredEvent[] = [];
  private clockMs = Date.parse('2026-11-01T00:00:00.000Z');
  private nextPosition = 1_000;

  async append(streamId: string, count: number): Promise<number[]> {
    const stored = this.events.filter((e) => e.streamId === streamId);
    const last = stored[stored.length - 1];
    const tail = { revision: last?.streamRevision ?? -1, hash: last?.hash ?? GENESIS_HASH };
    const recordedAt = new Date((this.clockMs += 1000)).toISOString();
    const prepared = prepareEvents(streamId, Array.from({ length: count }, (_, i) => newEvent('ProgressNoted', { note: `第${i}次`, id: randomUUID() })), tail, recordedAt);
    const written = prepared.map((p, i) => {
      this.nextPosition += 137 + i;
      const commit = BigInt(this.nextPosition);
      const record = { id: p.id, type: p.type, streamId, revision: BigInt(tail.revision + 1 + i), data: p.data, metadata: p.metadata, position: { commit, prepare: commit } };
      return toStoredEvent(record, streamId, new UpcasterRegistry());
    });
    this.events.push(...written);
    return written.map((e) => e.position);
  }

  async readAllRaw(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.events.filter((e) => e.position > (options.after ?? 0)).slice(0, options.limit ?? 1000);
  }

  async headPosition(): Promise<number> {
    return this.events[this.events.length - 1]?.position ?? 0;
  }

  /** The adapter's own check: every stream's chain over `$all`. */
  verifyStreamChains() {
    return verifyStreamChains(this.events);
  }
}
