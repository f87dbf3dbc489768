import type { ReadStoreChoice } from '@platform/common';

/** What the platform gives its projector thread to start with (structured-cloned into it). */
export interface ProjectorThreadData {
  readonly dataDir: string;
  readonly leaseMs: number;
  readonly fillFromEvents?: number;
  /** See ProjectionsConfig.settleMs. */
  readonly settleMs?: number;
  /** Kept across restarts of the thread, so a restarted one finds the leases its predecessor held as its own. */
  readonly owner: string;
  readonly readStore: ReadStoreChoice;
}

/** Platform → thread. */
export type ToProjectorThread = { readonly type: 'appended' } | { readonly type: 'stop' };

/** Thread → platform. */
export type FromProjectorThread =
  | { readonly type: 'started'; readonly owner: string }
  /** The batches committed in one turn of the thread's loop, each projection's last: one message for all of them. */
  | { readonly type: 'committed'; readonly commits: ReadonlyArray<{ readonly projection: string; readonly position: number }> }
  /**
   * Where the fill of new projections stands (see fillNewProjections), at most a few times a
   * second; `done` once it ended, its indexes built (its checkpoints reach the head before that).
   */
  | { readonly type: 'filling'; readonly position: number; readonly head: number; readonly done: boolean }
  | { readonly type: 'log'; readonly level: 'log' | 'warn' | 'error'; readonly message: string; readonly stack?: string }
  | { readonly type: 'stopped' };
