import type { StoredEvent } from '@platform/event-store';
import { FeedEntry } from './feed-message';

export interface MergedEvent {
  readonly event: StoredEvent;
  /** From the message's headers. */
  readonly correlationId: string;
}

/** What the merge released: the new events up to `watermark`, in position order. */
export interface MergeRelease {
  /** Set when what was released before no longer joins on: every event in (floor, watermark] is here, none below. */
  readonly floor: number | null;
  readonly watermark: number;
  readonly events: readonly MergedEvent[];
}

interface PartitionState {
  /** The first watermark read: events before it in the partition are at or below it, and may be incomplete. */
  start: number | null;
  /** The highest position read (event or watermark): the partition holds everything of its own up to it. */
  mark: number;
  /** Watermarks read and not yet committed past, oldest first: where a restart may resume. */
  watermarks: Array<{ offset: bigint; position: number }>;
}

/**
 * Turns partitions, each in commit order of its own streams, back into the global position
 * order. An event is released once every partition of the topic is past its position (a later
 * event or the relay's watermark), so nothing released can be preceded by one still to come.
 * Redelivered and older messages change nothing: a partition ignores what is at or below its
 * mark, and the merge what it already released. A member holding only some partitions (during a
 * rebalance, or beside another member) releases nothing.
 */
export class PositionMerge {
  private readonly partitions = new Map<number, PartitionState>();
  private total = 0;
  private pending: Array<MergedEvent & { partition: number }> = [];
  private released: number | null = null;

  assign(partitions: readonly number[], total: number): void {
    this.total = total;
    const held = new Set(partitions);
    for (const p of [...this.partitions.keys()]) if (!held.has(p)) this.partitions.delete(p);
    for (const p of partitions) if (!this.partitions.has(p)) this.partitions.set(p, { start: null, mark: -Infinity, watermarks: [] });
    this.pending = this.pending.filter((e) => held.has(e.partition));
  }

  receive(partition: number, offset: string, entry: FeedEntry): void {
    const state = this.partitions.get(partition);
    if (!state) return;
    if (entry.kind === 'watermark') {
      state.start ??= entry.position;
      state.mark = Math.max(state.mark, entry.position);
      const at = BigInt(offset);
      const last = state.watermarks[state.watermarks.length - 1];
      if (!last || at > last.offset) state.watermarks.push({ offset: at, position: entry.position });
      return;
    }
    // Before the first watermark (history the store serves), a redelivery, or released already.
    if (state.start === null || entry.position <= state.mark) return;
    state.mark = entry.position;
    if (this.released !== null && entry.position <= this.released) return;
    this.pending.push({ event: entry.event, correlationId: entry.correlationId, partition });
  }

  /** The events every partition is past, once every partition of the topic is held and has given a watermark. */
  release(): MergeRelease | null {
    if (this.partitions.size < this.total || this.total === 0) return null;
    const states = [...this.partitions.values()];
    if (states.some((s) => s.start === null)) return null;
    const start = Math.max(...states.map((s) => s.start!));
    // A partition given anew may start above what was released: what lies between may be missing here.
    const jumped = this.released === null || start > this.released;
    const floor = jumped ? start : this.released!;
    const watermark = Math.max(floor, Math.min(...states.map((s) => s.mark)));
    const out = this.pending.filter((e) => e.event.position > floor && e.event.position <= watermark).sort((a, b) => a.event.position - b.event.position);
    this.pending = this.pending.filter((e) => e.event.position > watermark);
    this.released = watermark;
    return { floor: jumped ? floor : null, watermark, events: out.map(({ event, correlationId }) => ({ event, correlationId })) };
  }

  /**
   * Offsets to commit once every projection fed stored a checkpoint at `position` or beyond: per
   * partition, its last watermark at or below it, so a restart reads from there and loses nothing.
   */
  offsetsAt(position: number): Array<{ partition: number; offset: string }> {
    const offsets: Array<{ partition: number; offset: string }> = [];
    for (const [partition, state] of this.partitions) {
      let i = -1;
      while (i + 1 < state.watermarks.length && state.watermarks[i + 1].position <= position) i++;
      if (i < 0) continue;
      state.watermarks.splice(0, i);
      offsets.push({ partition, offset: state.watermarks[0].offset.toString() });
    }
    return offsets;
  }
}
