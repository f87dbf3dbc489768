import { GENESIS_HASH } from '../hash-chain';
import { Checkpoint } from '../witness/checkpoint';
import { linkProblem, NOTARY_GENESIS, NotaryLink, NotaryTip, tipOf } from './notary-chain';
import { NotarySource, SourcedEvent } from './notary-source';
import { NotaryStore } from './notary-store.port';
import type { NotaryFinding } from './notary-verifier';

/** A checkpoint verified before, with the link it signed: where an incremental pass starts. */
export interface Anchor {
  readonly checkpoint: Checkpoint;
  readonly link: NotaryLink | null;
}

export type Failure = { readonly finding: Exclude<NotaryFinding, 'consistent'>; readonly position: number | null; readonly reason: string };

export interface WalkOptions {
  readonly source: NotarySource;
  readonly store: NotaryStore;
  /** Rows per page of either cursor. */
  readonly page?: number;
}

interface Cursor<T> {
  next(): Promise<T | null>;
}

/** One pass: the notary's links and `$all`'s events side by side, in position order. */
export class Walk {
  notarized = 0;
  unnotarized = 0;
  reachedCheckpoint: Checkpoint | null = null;
  reachedLink: NotaryLink | null = null;
  private prevLink: NotaryTip;
  /** The previous event's hash in `$all` (global scheme). */
  private prevEventHash: string;
  /** Each stream's last hash met in this pass (stream scheme). */
  private readonly tails = new Map<string, string>();
  private readonly signedAt = new Map<number, Checkpoint[]>();
  private readonly page: number;

  constructor(
    private readonly o: WalkOptions,
    anchor: Anchor | null,
    checkpoints: readonly Checkpoint[],
    private readonly untilSeq: number,
  ) {
    this.page = o.page ?? 1000;
    this.prevLink = anchor?.link ? tipOf(anchor.link) : NOTARY_GENESIS;
    this.prevEventHash = anchor?.link?.eventHash ?? GENESIS_HASH;
    for (const c of checkpoints) {
      if (c.position === 0) {
        if (!this.reachedCheckpoint) this.reachedCheckpoint = c;
        continue;
      }
      if (c.position <= this.prevLink.position) continue;
      this.signedAt.set(c.position, [...(this.signedAt.get(c.position) ?? []), c]);
    }
  }

  async run(): Promise<Failure | null> {
    // Links the notary adds while this pass runs are left to the next: their events may lie past what this pass reads.
    const links = this.cursor(async (after) => (await this.o.store.links(after, this.page)).filter((l) => l.seq <= this.untilSeq), (l) => l.seq, this.prevLink.seq);
    const events = this.cursor((after) => this.o.source.read(after, this.page), (e) => e.position, this.prevLink.position);
    const found = await this.merge(links, events);
    if (!found || found.finding.startsWith('notary_')) return found;
    // An event that differs from its link: the event was changed, or the notary's record of it. The
    // notary's chain still reaching every checkpoint signed after it clears the record.
    for (let link = await links.next(); link; link = await links.next()) {
      const problem = this.linkChains(link);
      if (problem) return problem;
      this.prevLink = tipOf(link);
    }
    return this.beyondTip() ?? found;
  }

  private async merge(links: Cursor<NotaryLink>, events: Cursor<SourcedEvent>): Promise<Failure | null> {
    let link = await links.next();
    let event = await events.next();
    while (link || event) {
      if (event && (!link || event.position < link.position)) {
        if (link) return { finding: 'inserted', position: event.position, reason: `事件 ${event.eventId} 未经公证 (the notary never saw this event)` };
        const failure = await this.eventHolds(event);
        if (failure) return failure;
        this.unnotarized++;
        event = await events.next();
        continue;
      }
      const current = link!;
      const broken = this.linkChains(current);
      if (broken) return broken;
      this.prevLink = tipOf(current);
      if (!event || current.position < event.position) {
        return { finding: event ? 'deleted' : 'truncated', position: current.position, reason: `公证记录的事件 ${current.eventId}（${current.streamId} 第 ${current.revision} 版）已不在历史中 (the notarized event is gone)` };
      }
      const failure = (await this.sameEvent(current, event)) ?? (await this.eventHolds(event));
      if (failure) return failure;
      this.notarized++;
      event = await events.next();
      link = await links.next();
    }
    return this.beyondTip();
  }

  /** A checkpoint signed beyond the last link: the notary's chain was cut after it was signed. */
  private beyondTip(): Failure | null {
    const beyond = [...this.signedAt.values()].flat()[0];
    return beyond ? { finding: 'notary_rewritten', position: beyond.position, reason: `检查点签发时公证链到达位置 ${beyond.position}，如今只到位置 ${this.prevLink.position} (the notary chain was cut after it was signed)` } : null;
  }

  /** The link follows its predecessor, and reaches the hash of every checkpoint signed at its position. */
  private linkChains(link: NotaryLink): Failure | null {
    const problem = linkProblem(this.prevLink, link);
    if (problem) return { finding: 'notary_broken', position: link.position, reason: problem };
    for (const c of this.signedAt.get(link.position) ?? []) {
      if (c.hash !== link.hash) return { finding: 'notary_rewritten', position: link.position, reason: `签发于 ${c.issuedAt} 的检查点与公证链不符 (the checkpoint signed at ${c.issuedAt} no longer matches)` };
      this.reachedCheckpoint = c;
      this.reachedLink = link;
    }
    this.signedAt.delete(link.position);
    return null;
  }

  private async sameEvent(link: NotaryLink, event: SourcedEvent): Promise<Failure | null> {
    if (event.eventId !== link.eventId || event.streamId !== link.streamId || event.streamRevision !== link.revision) {
      const elsewhere = await this.o.store.ofStream(event.streamId, event.streamRevision);
      const moved = elsewhere !== null && elsewhere.eventId === event.eventId;
      return {
        finding: moved ? 'reordered' : 'replaced',
        position: link.position,
        reason: moved
          ? `此处应为事件 ${link.eventId}，如今是原在位置 ${elsewhere.position} 的事件 ${event.eventId} (another event was moved here)`
          : `此处应为事件 ${link.eventId}，如今是未经公证的事件 ${event.eventId} (an event the notary never saw stands here)`,
      };
    }
    if (event.hash !== link.eventHash && event.contentHolds()) {
      return { finding: 'rewritten', position: link.position, reason: `事件 ${event.eventId} 的哈希与公证时不同 (its hash differs from the one notarized)` };
    }
    return null;
  }

  /** The event's own hash: recomputed from its content, and hanging on its predecessor's (in `$all` or in its stream). */
  private async eventHolds(e: SourcedEvent): Promise<Failure | null> {
    if (!e.contentHolds()) return { finding: 'modified', position: e.position, reason: `事件 ${e.eventId} 的内容与其哈希不符 (stored content does not match its hash)` };
    const expected = this.o.source.scheme === 'global' ? this.prevEventHash : await this.streamPredecessor(e);
    if (expected !== null && e.prevHash !== expected) {
      return { finding: 'modified', position: e.position, reason: `事件 ${e.eventId} 的前一哈希与链不符 (previous hash does not match the chain)` };
    }
    this.prevEventHash = e.hash;
    this.tails.set(e.streamId, e.hash);
    return null;
  }

  /** The hash the event's stream chain must hang on: met in this pass, else notarized before it; null when neither knows it. */
  private async streamPredecessor(e: SourcedEvent): Promise<string | null> {
    if (e.streamRevision === 0) return GENESIS_HASH;
    return this.tails.get(e.streamId) ?? (await this.o.store.ofStream(e.streamId, e.streamRevision - 1))?.eventHash ?? null;
  }

  private cursor<T>(read: (after: number) => Promise<T[]>, keyOf: (item: T) => number, start: number): Cursor<T> {
    let buffer: T[] = [];
    let index = 0;
    let after = start;
    let done = false;
    const page = this.page;
    return {
      async next(): Promise<T | null> {
        if (index === buffer.length && !done) {
          // A turn of the event loop per page: a pass over a city's history never holds requests up.
          await new Promise<void>((resolve) => setImmediate(resolve));
          buffer = await read(after);
          index = 0;
          if (buffer.length < page) done = true;
          if (buffer.length > 0) after = keyOf(buffer[buffer.length - 1]);
        }
        return index < buffer.length ? buffer[index++] : null;
      },
    };
  }
}
