import type { ReadAllOptions, StoredEvent } from '@platform/event-store';
import { MergedEvent, MergeRelease } from './position-merge';

/**
 * The merged feed as the runner reads it: every event in (floor, head], in position order. What
 * lies at or below the floor is history, read from the event store.
 */
export class FeedWindow {
  floor = 0;
  head = 0;
  private events: MergedEvent[] = [];

  advance(release: MergeRelease): void {
    if (release.floor !== null) {
      this.events = [];
      this.floor = release.floor;
    }
    for (const e of release.events) this.events.push(e);
    this.head = Math.max(this.head, release.watermark, this.floor);
  }

  /** Events in (after, until], after at or above the floor. */
  read(after: number, until: number, options: Pick<ReadAllOptions, 'types' | 'streamPrefix'>, limit: number): StoredEvent[] {
    const types = options.types ? new Set(options.types) : null;
    const out: StoredEvent[] = [];
    for (let i = this.indexAfter(after); i < this.events.length && out.length < limit; i++) {
      const e = this.events[i].event;
      if (e.position > until) break;
      if (types && !types.has(e.type)) continue;
      if (options.streamPrefix && !e.streamId.startsWith(options.streamPrefix)) continue;
      out.push(e);
    }
    return out;
  }

  correlationAt(position: number): string | null {
    const e = this.events[this.indexAfter(position - 1)];
    return e?.event.position === position ? e.correlationId : null;
  }

  /** Forgets what every projection fed has stored: it is history now. */
  trim(position: number): void {
    const upTo = Math.min(position, this.head);
    if (upTo <= this.floor) return;
    this.events.splice(0, this.indexAfter(upTo));
    this.floor = upTo;
  }

  get size(): number {
    return this.events.length;
  }

  private indexAfter(position: number): number {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.events[mid].event.position <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
