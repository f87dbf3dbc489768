import { Checkpoint, checkpointMessage, NOTARY_CHECKPOINT_PREFIX } from '../witness/checkpoint';
import { SigningKey } from '../witness/signing-key';
import { chainLinks, linkProblem, NOTARY_GENESIS, NotaryTip, tipOf } from './notary-chain';
import { NotarySource } from './notary-source';
import { NotaryStore } from './notary-store.port';

/** The lease that makes one notary at a time advance the chain (with the jobs' leases). */
export const NOTARY_JOB_LEASE = 'job:notary';

/** The part of the platform's leases the notary takes (the projection leases port fits it). */
export interface NotaryLeases {
  hold(request: { projection: string; owner: string; ttlMs: number; now: Date; wait?: boolean }): Promise<{ held: boolean; busy?: boolean }>;
  release(projection: string, owner: string, now: Date): Promise<void>;
}

export interface NotarySchedule {
  /** How often the notary reads `$all` for new events (ms; 0: only when asked). */
  readonly intervalMs: number;
  /** A signed checkpoint once this many events were notarized since the last (0: never by count). */
  readonly checkpointEveryEvents: number;
  /** A signed checkpoint this many minutes after the last when events were notarized meanwhile (0: never by time). */
  readonly checkpointEveryMinutes: number;
}

export const DEFAULT_NOTARY_SCHEDULE: NotarySchedule = { intervalMs: 2000, checkpointEveryEvents: 1000, checkpointEveryMinutes: 60 };

export interface GlobalNotaryOptions extends NotarySchedule {
  readonly source: NotarySource;
  readonly store: NotaryStore;
  readonly key: SigningKey;
  /** This process, as the lease names its holder. */
  readonly owner: string;
  /** Absent: this notary is the only one (tests, tools). */
  readonly leases?: NotaryLeases | null;
  readonly clock?: () => Date;
  /** Events per read and per append (default 500). */
  readonly batch?: number;
  readonly onError?: (error: unknown) => void;
}

export interface NotaryRound {
  /** This notary held the lease for the round (always, without leases). */
  readonly held: boolean;
  readonly notarized: number;
  readonly tip: NotaryTip;
  /** Another notary extended the chain under this one's feet: it stopped without writing. */
  readonly overtaken: boolean;
}

export interface NotaryStatus {
  /** This process's notary, as the lease names it. */
  readonly owner: string;
  readonly tip: { readonly seq: number; readonly position: number };
  readonly headPosition: number;
  /** Events appended but not yet notarized: the window in which a removal would go unseen (null where positions are not dense). */
  readonly lagEvents: number | null;
  readonly behind: boolean;
  readonly holding: boolean;
  readonly lastRoundAt: string | null;
  readonly lastError: string | null;
  readonly checkpoint: { readonly position: number; readonly issuedAt: string } | null;
}

export class NotaryRefusedError extends Error {
  constructor(reason: string) {
    super(`拒绝签发公证检查点：${reason}`);
    this.name = 'NotaryRefusedError';
  }
}

/**
 * The global notary: a checkpointed processor that reads `$all` in order and chains every event's
 * own hash, with its position, stream, revision and id, into a chain of its own, under a lease so
 * one notary advances it at a time (and the store's conditional append refuses a second one that
 * slipped past the lease). It signs checkpoints over the chain's tip with the audit signing key.
 */
export class GlobalNotary {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<NotaryRound> | null = null;
  private holding = false;
  /** When this notary last renewed its lease (epoch ms), while it holds it. */
  private renewedAt: number | null = null;
  private lastRoundAt: string | null = null;
  private lastError: string | null = null;

  constructor(private readonly o: GlobalNotaryOptions) {}

  start(): void {
    if (this.o.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.o.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    if (this.holding && this.o.leases) await this.o.leases.release(NOTARY_JOB_LEASE, this.o.owner, this.now()).catch(() => undefined);
    this.holding = false;
    this.renewedAt = null;
  }

  /** One round at a time; a tick during a round waits for it. Errors go to onError. */
  async tick(): Promise<NotaryRound | null> {
    try {
      return await this.advance();
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.o.onError?.(error);
      return null;
    }
  }

  /** Notarizes everything appended since the chain's tip (when this notary holds the lease), then signs a checkpoint if one is due. */
  advance(): Promise<NotaryRound> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  private async round(): Promise<NotaryRound> {
    const batch = this.o.batch ?? 500;
    let notarized = 0;
    let tip = tipOf(await this.o.store.last());
    if (!(await this.hold())) return { held: false, notarized, tip, overtaken: false };
    for (;;) {
      const events = await this.o.source.read(tip.position, batch, true);
      if (events.length === 0) break;
      const links = chainLinks(tip, events.map((e) => ({ position: e.position, streamId: e.streamId, revision: e.streamRevision, eventId: e.eventId, eventHash: e.hash })));
      if (!(await this.o.store.append(links))) {
        this.lastRoundAt = this.now().toISOString();
        return { held: true, notarized, tip: tipOf(await this.o.store.last()), overtaken: true };
      }
      notarized += links.length;
      tip = tipOf(links[links.length - 1]);
      if (events.length < batch || !(await this.hold())) break;
      // The embedded store answers synchronously: a turn of the event loop per batch lets requests through while a long history is chained.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.lastRoundAt = this.now().toISOString();
    this.lastError = null;
    if (this.holding && (await this.checkpointDue(tip))) await this.checkpoint();
    return { held: this.holding, notarized, tip, overtaken: false };
  }

  /**
   * Holds the lease, renewing it only once a third of its time has passed since the last renewal:
   * until it expires no other notary can take it, and a renewal is a write transaction on the
   * leases' store (the read store's file, whose write lock the projections hold for their commits),
   * which on the thread that answers requests held them while it waited — once per batch, it was
   * one of the longest stalls of that thread under write load. Should another notary take the
   * chain over all the same, the store's conditional append refuses whatever would fork it.
   *
   * Nor does a renewal wait for that lock (waits of 54 and 534 ms were measured under write load,
   * and a first start's catch-up holds it for minutes): a try that finds the store busy keeps the
   * lease while more than a third of its time is left and tries again next round; past that it
   * stops acting as the holder until a try gets through. A store busy for that long only delays
   * notarizing, where a wait would hold every request in flight.
   */
  private async hold(): Promise<boolean> {
    if (!this.o.leases) return (this.holding = true);
    const ttlMs = Math.max(3 * this.o.intervalMs, 30_000);
    const now = this.now();
    const heldFor = this.holding && this.renewedAt !== null ? now.getTime() - this.renewedAt : null;
    if (heldFor !== null && heldFor < ttlMs / 3) return true;
    const answer = await this.o.leases.hold({ projection: NOTARY_JOB_LEASE, owner: this.o.owner, ttlMs, now, wait: false });
    if (answer.busy && heldFor !== null && heldFor < (2 * ttlMs) / 3) return true;
    this.holding = answer.held;
    this.renewedAt = this.holding ? now.getTime() : null;
    return this.holding;
  }

  private async checkpointDue(tip: NotaryTip): Promise<boolean> {
    const last = await this.o.store.latestCheckpoint();
    if (!last) return tip.seq > 0 && ((this.o.checkpointEveryEvents > 0 && tip.seq >= this.o.checkpointEveryEvents) || this.o.checkpointEveryMinutes > 0);
    if (last.position === tip.position) return false;
    const lastSeq = last.position === 0 ? 0 : ((await this.o.store.atPosition(last.position))?.seq ?? 0);
    const byCount = this.o.checkpointEveryEvents > 0 && tip.seq - lastSeq >= this.o.checkpointEveryEvents;
    const byTime = this.o.checkpointEveryMinutes > 0 && this.now().getTime() - Date.parse(last.issuedAt) >= this.o.checkpointEveryMinutes * 60_000;
    return byCount || byTime;
  }

  /**
   * Signs the chain's tip, once the links since the last signed checkpoint are shown to follow on
   * from it: a notary chain rewritten before that checkpoint is never signed over.
   */
  async checkpoint(): Promise<Checkpoint> {
    const last = await this.o.store.latestCheckpoint();
    let prev: NotaryTip = NOTARY_GENESIS;
    if (last && last.keyId === this.o.key.keyId && last.position > 0) {
      const anchor = await this.o.store.atPosition(last.position);
      if (!anchor || anchor.hash !== last.hash) {
        throw new NotaryRefusedError(`公证链在上一检查点（位置 ${last.position}）处已被改动 (the notary chain changed at the last checkpoint)`);
      }
      prev = tipOf(anchor);
    }
    for (;;) {
      const links = await this.o.store.links(prev.seq, 1000);
      for (const link of links) {
        const problem = linkProblem(prev, link);
        if (problem) throw new NotaryRefusedError(problem);
        prev = tipOf(link);
      }
      if (links.length < 1000) break;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const issuedAt = new Date(Math.floor(this.now().getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    const unsigned = { position: prev.position, hash: prev.hash, issuedAt, keyId: this.o.key.keyId };
    const signed: Checkpoint = { ...unsigned, signature: this.o.key.sign(checkpointMessage(unsigned, NOTARY_CHECKPOINT_PREFIX)) };
    await this.o.store.addCheckpoint(signed);
    return signed;
  }

  async status(): Promise<NotaryStatus> {
    const tip = tipOf(await this.o.store.last());
    const headPosition = await this.o.source.headPosition();
    const latest = await this.o.store.latestCheckpoint();
    return {
      owner: this.o.owner,
      tip: { seq: tip.seq, position: tip.position },
      headPosition,
      lagEvents: this.o.source.densePositions ? headPosition - tip.position : null,
      behind: headPosition > tip.position,
      holding: this.holding,
      lastRoundAt: this.lastRoundAt,
      lastError: this.lastError,
      checkpoint: latest ? { position: latest.position, issuedAt: latest.issuedAt } : null,
    };
  }

  private now(): Date {
    return (this.o.clock ?? (() => new Date()))();
  }
}
