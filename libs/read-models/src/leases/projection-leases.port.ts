import type { ProjectionDivergence } from '../projection-divergence';

/**
 * Who runs each projection. A projector holds a projection's lease while it runs it, renewing it
 * well before it expires; another projector takes a lease only when it is free, expired, or its
 * own. Stored beside the checkpoints (same database), so every process that reads the views can
 * also tell who projects them and how that is going.
 */
export const PROJECTION_LEASES = Symbol('PROJECTION_LEASES');

/** What the owner last said about the projection: health is built from this, not from a runner in the same process. */
export interface ProjectionReport {
  readonly state: string;
  readonly lastError: { readonly message: string; readonly position: number; readonly eventType: string | null; readonly eventId: string | null; readonly at: string } | null;
  /** Failures since the runner started. */
  readonly errorCount: number;
  readonly consecutiveErrors: number;
  /** True while it is failing and waiting to try again. */
  readonly retrying: boolean;
  readonly nextRetryAt: string | null;
  readonly lastCommitAt: string | null;
  /** The last divergence found since the runner started (kept after its rebuild, with `rebuiltAt`). */
  readonly divergence: ProjectionDivergence | null;
}

export interface ProjectionLease {
  readonly projection: string;
  readonly owner: string;
  /** ISO time; after it anyone may take the lease. */
  readonly expiresAt: string;
  readonly renewedAt: string;
  readonly report: ProjectionReport | null;
}

export interface HoldRequest {
  readonly projection: string;
  readonly owner: string;
  readonly ttlMs: number;
  readonly now: Date;
  /** Stored with the lease; undefined keeps the stored one. */
  readonly report?: ProjectionReport | null;
  /**
   * Takes the lease from this owner even before it expires: a previous incarnation of this host's
   * projector that is known to be dead (its process is gone).
   */
  readonly takeFrom?: string;
  /**
   * false: when another connection holds the store's write lock, answer `busy` at once instead of
   * waiting for it. The embedded store waits on the calling thread, so a job on the thread that
   * answers requests would hold them all for as long as a projection's commit keeps the lock.
   */
  readonly wait?: boolean;
}

export interface HoldAnswer {
  readonly held: boolean;
  readonly lease: ProjectionLease | null;
  /** Asked not to wait and the store was busy: nothing was read or written (held is false, lease null). */
  readonly busy?: boolean;
}

export interface ProjectionLeases {
  /**
   * Takes or renews the lease (and stores the report with it) when it is free, expired, already
   * the owner's, or held by `takeFrom`; returns the lease as stored after the call, ours or not.
   */
  hold(request: HoldRequest): Promise<HoldAnswer>;
  /** Gives the lease up at once (graceful stop), so another projector need not wait for its expiry. */
  release(projection: string, owner: string, now: Date): Promise<void>;
  leases(): Promise<ProjectionLease[]>;
}
