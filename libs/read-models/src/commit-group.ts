import { CommitBatch, ReadStore } from './read-store.port';

interface Queued {
  readonly batch: CommitBatch;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * The live projections' commits that come in one turn of the event loop — the projections one
 * append woke, each with its batch — handed to the store together (ReadStore.commitAll: one
 * transaction), each answered as its own commit would be. A store without commitAll commits each
 * on its own, at once.
 */
export class CommitGroup {
  private queued: Queued[] = [];

  constructor(private readonly store: ReadStore) {}

  commit(batch: CommitBatch): Promise<void> {
    if (!this.store.commitAll) return this.store.commit(batch);
    return new Promise<void>((resolve, reject) => {
      // After the turn: every projection woken with this one has evolved its batch by then.
      if (this.queued.length === 0) setImmediate(() => void this.flush());
      this.queued.push({ batch, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const queued = this.queued;
    this.queued = [];
    try {
      if (queued.length === 1) {
        await this.store.commit(queued[0].batch);
        queued[0].resolve();
        return;
      }
      const outcomes = await this.store.commitAll!(queued.map((q) => q.batch));
      queued.forEach((q, i) => (outcomes[i] === null ? q.resolve() : q.reject(outcomes[i])));
    } catch (error) {
      for (const q of queued) q.reject(error);
    }
  }
}
