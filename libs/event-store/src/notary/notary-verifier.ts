import { GENESIS_HASH } from '../hash-chain';
import { Checkpoint, checkpointMessage, checkpointView, CheckpointView, NOTARY_CHECKPOINT_PREFIX } from '../witness/checkpoint';
import { SigningKey } from '../witness/signing-key';
import { linkProblem, NOTARY_GENESIS, NotaryLink, NotaryTip, tipOf } from './notary-chain';
import { NotarySource, SourcedEvent } from './notary-source';
import { NotaryStore } from './notary-store.port';

/** How a verification against the notary ended; every failure names what happened and where. */
export type NotaryFinding =
  | 'consistent'
  /** An event's content no longer matches its stored hash, or its previous hash no longer matches its chain. */
  | 'modified'
  /** An event's content and hash were changed together (its chain recomputed): the hash differs from the notarized one. */
  | 'rewritten'
  /** A notarized event is gone while later events remain. */
  | 'deleted'
  /** The newest notarized events are gone (appended, notarized, then removed). */
  | 'truncated'
  /** Another event stands at a notarized position: moved there from elsewhere in history. */
  | 'reordered'
  /** Another event stands at a notarized position, one the notary never saw (removed and replaced). */
  | 'replaced'
  /** An event stands below the notary's tip where the notary saw none. */
  | 'inserted'
  /** The notary's own chain does not hold: a link changed, missing or out of order. */
  | 'notary_broken'
  /** The notary's chain no longer reaches a checkpoint it signed: rewritten or cut after it was signed. */
  | 'notary_rewritten'
  /** A stored checkpoint whose signature is not the platform's. */
  | 'bad_checkpoint';

export interface NotaryVerification {
  readonly ok: boolean;
  readonly finding: NotaryFinding;
  /** The event position implicated (for a notary link: the position it notarized). */
  readonly position: number | null;
  readonly verdict: string;
  /** How far the notary's chain reaches. */
  readonly tip: { readonly seq: number; readonly position: number };
  readonly headPosition: number;
  /** Events checked against their links in this pass. */
  readonly notarizedChecked: number;
  /** Events after the notary's tip: checked for their own hashes only, not yet notarized. */
  readonly unnotarized: number;
  /** The latest signed checkpoint the chain was shown to reach. */
  readonly checkpoint: CheckpointView | null;
  /** Where an incremental pass started: a checkpoint verified before; null for a full pass. */
  readonly from: { readonly position: number; readonly seq: number } | null;
}

export interface NotaryVerifierOptions {
  readonly source: NotarySource;
  readonly store: NotaryStore;
  readonly key: SigningKey;
  /** Rows per page of either cursor. */
  readonly page?: number;
}

interface Anchor {
  readonly checkpoint: Checkpoint;
  readonly link: NotaryLink | null;
}

type Failure = { readonly finding: Exclude<NotaryFinding, 'consistent'>; readonly position: number | null; readonly reason: string };

const VERDICTS: Record<Exclude<NotaryFinding, 'consistent'>, string> = {
  modified: '事件被修改 (event modified)',
  rewritten: '事件被修改并重算了哈希链，与公证记录不符 (event rewritten and re-hashed: differs from what was notarized)',
  deleted: '已公证的事件被删除 (notarized event deleted)',
  truncated: '已公证的最新事件被删除 (notarized events removed from the end)',
  reordered: '事件的顺序被调换 (events reordered)',
  replaced: '已公证的事件被删除并由另一事件取代 (notarized event removed and replaced)',
  inserted: '在已公证的历史中插入了事件 (event inserted into notarized history)',
  notary_broken: '公证链本身被改动 (the notary chain itself was altered)',
  notary_rewritten: '公证链不再包含已签发的公证检查点 (the notary chain no longer reaches a signed checkpoint)',
  bad_checkpoint: '公证检查点签名无效 (a notary checkpoint does not verify)',
};

/**
 * Verifies history against the notary: each event's own hash recomputed from its content and its
 * chain (global or per stream), each notarized event found at its position with the hash the
 * notary recorded, nothing where the notary saw nothing, the notary's chain intact and reaching
 * every checkpoint it signed. After a pass that holds, the next one starts from the latest signed
 * checkpoint it reached (its signature, its link and its event re-checked first) and walks only
 * what follows; anything the anchor no longer shows sends it back to a full pass.
 */
export class NotaryVerifier {
  private anchor: Anchor | null = null;

  constructor(private readonly o: NotaryVerifierOptions) {}

  async verify(options: { full?: boolean } = {}): Promise<NotaryVerification> {
    const checkpoints = await this.o.store.checkpoints();
    const bad = checkpoints.find((c) => !this.signed(c));
    const headPosition = await this.o.source.headPosition();
    const tip = tipOf(await this.o.store.last());
    const base = { tip: { seq: tip.seq, position: tip.position }, headPosition };
    if (bad) {
      return { ...base, ...this.failure({ finding: 'bad_checkpoint', position: bad.position, reason: `位置 ${bad.position} 的检查点 (checkpoint at ${bad.position})` }), notarizedChecked: 0, unnotarized: 0, checkpoint: null, from: null };
    }
    const anchor = options.full ? null : await this.trustedAnchor();
    const walk = new Walk(this.o, anchor, checkpoints, tip.seq);
    const failure = await walk.run();
    const reached = walk.reachedCheckpoint ?? anchor?.checkpoint ?? null;
    const result = {
      ...base,
      notarizedChecked: walk.notarized,
      unnotarized: walk.unnotarized,
      checkpoint: reached ? checkpointView(reached, NOTARY_CHECKPOINT_PREFIX) : null,
      from: anchor ? { position: anchor.checkpoint.position, seq: anchor.link?.seq ?? 0 } : null,
    };
    if (failure) {
      this.anchor = null;
      // An incremental pass that fails re-runs in full: the finding it names is then the first in history.
      if (anchor) return this.verify({ full: true });
      return { ...result, ...this.failure(failure) };
    }
    if (walk.reachedCheckpoint) this.anchor = { checkpoint: walk.reachedCheckpoint, link: walk.reachedLink };
    const from = anchor ? `；自已核验的检查点（位置 ${anchor.checkpoint.position}）续验 (verified incrementally from position ${anchor.checkpoint.position})` : '';
    return {
      ...result,
      ok: true,
      finding: 'consistent',
      position: null,
      verdict: `历史与公证链一致：已公证至位置 ${tip.position}（共 ${tip.seq} 个事件），未被修改、删除、调换或插入${from} (history consistent with the notary)`,
    };
  }

  private failure(f: Failure): Pick<NotaryVerification, 'ok' | 'finding' | 'position' | 'verdict'> {
    const at = f.position === null ? '' : `位置 ${f.position}：`;
    return { ok: false, finding: f.finding, position: f.position, verdict: `${VERDICTS[f.finding]}：${at}${f.reason}` };
  }

  private signed(c: Checkpoint): boolean {
    return c.keyId === this.o.key.keyId && this.o.key.verify(checkpointMessage(c, NOTARY_CHECKPOINT_PREFIX), c.signature);
  }

  /** The last verified checkpoint, if its link still carries the signed hash and its event still the notarized one. */
  private async trustedAnchor(): Promise<Anchor | null> {
    const a = this.anchor;
    if (!a || !this.signed(a.checkpoint)) return null;
    if (a.checkpoint.position === 0) return a;
    const link = await this.o.store.atPosition(a.checkpoint.position);
    if (!link || link.hash !== a.checkpoint.hash || link.seq !== a.link?.seq || linkProblem({ seq: link.seq - 1, position: -1, hash: link.prevHash }, link)) return null;
    const [event] = await this.o.source.read(a.checkpoint.position - 1, 1);
    if (!event || event.position !== link.position || event.eventId !== link.eventId || event.hash !== link.eventHash || !event.contentHolds()) return null;
    return { checkpoint: a.checkpoint, link };
  }
}

interface Cursor<T> {
  next(): Promise<T | null>;
}

/** One pass: the notary's links and `$all`'s events side by side, in position order. */
class Walk {
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
    private readonly o: NotaryVerifierOptions,
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
