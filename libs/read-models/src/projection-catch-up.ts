import { ProjectionLeases } from './leases/projection-leases.port';
import { ReadStore } from './read-store.port';
import { wakeableWait } from './wakeable-wait';

export const PROJECTION_CATCH_UP = Symbol('PROJECTION_CATCH_UP');

/**
 * Read-your-writes, for the API: waits for the projections' stored checkpoints, wherever the
 * projections run (this process or a projector of its own). The command and query paths call only
 * this; they never await a runner.
 */
export interface ProjectionCatchUp {
  /**
   * True once every named projection's stored checkpoint is at `position` or beyond; false after
   * `timeoutMs`, or at once when waiting cannot help: nobody holds the projection's lease, or its
   * holder is rebuilding it after a divergence. The caller then answers with the stale flag.
   */
  reached(position: number, names: readonly string[], timeoutMs: number): Promise<boolean>;
}

export interface StoredCheckpointCatchUpOptions {
  /** How often a waiting request re-reads the checkpoints (default 25 ms); a runner in the same process also wakes it on each commit. */
  readonly pollMs?: number;
}

/** Polls the read store's checkpoints (and leases), woken early by `notify()` when this process committed a batch. */
export class StoredCheckpointCatchUp implements ProjectionCatchUp {
  private readonly waiters = new Set<() => void>();
  private readonly pollMs: number;

  constructor(
    private readonly store: ReadStore,
    private readonly leases: ProjectionLeases | null,
    options: StoredCheckpointCatchUpOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 25;
  }

  /** A batch was committed (by a runner in this process): look again now. */
  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  async reached(position: number, names: readonly string[], timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let pending = [...names];
    for (;;) {
      const checkpoints = await Promise.all(pending.map((n) => this.store.checkpoint(n)));
      pending = pending.filter((_, i) => (checkpoints[i]?.position ?? 0) < position);
      if (pending.length === 0) return true;
      if (await this.hopeless(pending)) return false;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.pause(Math.min(left, this.pollMs));
    }
  }

  /** Nobody runs one of them, or it is being rebuilt from nothing: waiting would only delay a stale answer. */
  private async hopeless(names: readonly string[]): Promise<boolean> {
    if (!this.leases) return false;
    const now = Date.now();
    const leases = new Map((await this.leases.leases()).map((l) => [l.projection, l]));
    return names.some((n) => {
      const lease = leases.get(n);
      if (!lease || Date.parse(lease.expiresAt) <= now) return true;
      return lease.report?.state === 'diverged' || lease.report?.state === 'rebuilding';
    });
  }

  private pause(ms: number): Promise<void> {
    return wakeableWait(this.waiters, ms);
  }
}
