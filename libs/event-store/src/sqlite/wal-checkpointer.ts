import { RequestThread } from '../request-thread';

/** What a checkpoint found and did: frames in the write-ahead log, and how many of them are now in the database file. */
export interface WalCheckpointResult {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

/**
 * Copies the event store's write-ahead log into its database file on a thread of its own, instead
 * of in the commit that grows the log past SQLite's threshold (1,000 pages by default). That copy
 * and its fsync of the database file ran inside one group commit of the writer thread every few
 * hundred events, and every append in or behind that group waited for it: at 64 clients those
 * commits took 20-120 ms against 4-7 ms for the others, and nearly every commit over 20 ms was
 * one (see docs/benchmarks.md, HTTP). The writer's connection checkpoints only past 10,000
 * frames, a backstop (see writer.thread.ts); this one runs a PASSIVE checkpoint, which takes no
 * write lock, so commits go on meanwhile.
 * Durability is unchanged: an append is durable once its commit fsynced the log.
 */
export class WalCheckpointer {
  private readonly thread: RequestThread<Record<string, never>, WalCheckpointResult>;
  private appended = 0;
  private running: Promise<WalCheckpointResult | null> | null = null;

  constructor(
    file: string,
    /** Events appended between two checkpoints (about the 1,000 pages SQLite waits for, at this store's few pages per event). */
    private readonly everyEvents = 250,
  ) {
    this.thread = new RequestThread(__filename, 'wal-checkpoint.thread', { file }, (message) => {
      const m = message as { result?: WalCheckpointResult; error?: string };
      if (m.error !== undefined) throw new Error(m.error);
      return m.result!;
    });
  }

  /** Counts appended events; starts a checkpoint once enough were appended since the last, unless one is running (the one it started, or null). */
  appendedEvents(count: number): Promise<WalCheckpointResult | null> | null {
    this.appended += count;
    return this.appended >= this.everyEvents && !this.running ? this.checkpoint() : null;
  }

  /** A checkpoint now (or the one running); null when it failed (the next one tries again; SQLite's log only grows meanwhile). */
  checkpoint(): Promise<WalCheckpointResult | null> {
    if (this.running) return this.running;
    this.appended = 0;
    this.running = this.thread
      .ask({})
      .catch(() => null)
      .finally(() => (this.running = null));
    return this.running;
  }

  async close(): Promise<void> {
    await this.running;
    await this.thread.close();
  }
}
