import { StoredEvent } from './event-envelope';
import { CheckpointStore, ReadAllOptions, Subscription, SubscriptionOptions } from './event-store.port';

export interface AppendSignal {
  /** Registers a listener called after each commit; returns the unsubscribe function. */
  onAppended(listener: () => void): () => void;
}

/**
 * Reads history in batches from the checkpoint, then waits for the store's commit signal
 * (or the poll interval, for writers in other processes) and reads on.
 * The checkpoint is saved after each handled batch, so a restart resumes where it stopped;
 * a handler that needs exactly-once effects must store its own position with its writes.
 */
export class CatchUpSubscription implements Subscription {
  private current = 0;
  private closed = false;
  private wake: (() => void) | null = null;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly unlisten: () => void;
  private readonly loop: Promise<void>;

  constructor(
    private readonly read: (options: ReadAllOptions) => Promise<StoredEvent[]>,
    private readonly head: () => Promise<number>,
    signal: AppendSignal,
    private readonly checkpoints: CheckpointStore,
    private readonly options: SubscriptionOptions,
    private readonly pollMs = 500,
    private readonly retryMs = 1000,
  ) {
    this.unlisten = signal.onAppended(() => this.wake?.());
    this.loop = this.run();
  }

  get position(): number {
    return this.current;
  }

  async caughtUp(): Promise<void> {
    const target = await this.head();
    while (!this.closed && this.current < target && (await this.filteredRemaining(target))) {
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unlisten();
    this.wake?.();
    await this.loop;
    this.idleWaiters.splice(0).forEach((r) => r());
  }

  /** With filters the subscription may stop below head; only matching events count as remaining. */
  private async filteredRemaining(target: number): Promise<boolean> {
    const next = await this.read({ ...this.filter(), after: this.current, until: target, limit: 1 });
    return next.length > 0;
  }

  private filter(): Pick<ReadAllOptions, 'types' | 'streamPrefix'> {
    return { types: this.options.types, streamPrefix: this.options.streamPrefix };
  }

  private async run(): Promise<void> {
    const name = this.options.name;
    const saved = name ? await this.checkpoints.load(name) : null;
    this.current = saved ?? this.options.after ?? 0;
    const batchSize = this.options.batchSize ?? 500;
    while (!this.closed) {
      let batch: StoredEvent[];
      try {
        batch = await this.read({ ...this.filter(), after: this.current, limit: batchSize });
        if (batch.length > 0) {
          await this.options.handle(batch);
          this.current = batch[batch.length - 1].position;
          if (name) await this.checkpoints.save(name, this.current);
          continue;
        }
      } catch (error) {
        this.options.onError?.(error, this.current);
        await this.sleep(this.retryMs);
        continue;
      }
      this.idleWaiters.splice(0).forEach((r) => r());
      await this.sleep(this.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wake = null;
        resolve();
      }
      this.wake = done;
    });
  }
}
