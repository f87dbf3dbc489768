import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ProjectionLease, ProjectionLeases, ProjectionReport } from './projection-leases.port';

export interface ProjectionLeaseOptions {
  readonly leases: ProjectionLeases;
  /** Default: host:pid:random, unique per runner. */
  readonly owner?: string;
  /** How long a lease lasts unless renewed (default 10 s); it is renewed every third of that. */
  readonly ttlMs?: number;
}

interface Logger {
  log(message: string): void;
  warn(message: string): void;
}

/** Owners of the runners alive in this process: another owner with this process's id is a dead predecessor. */
const liveOwners = new Set<string>();

/** `host:pid:random`: readable in /health and in logs, and enough to tell a dead predecessor on the same host. */
export function projectorOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export function registerLiveOwner(owner: string): () => void {
  liveOwners.add(owner);
  return () => liveOwners.delete(owner);
}

/**
 * A lease whose owner ran on this host in a process that is gone (killed, crashed): waiting for it
 * to expire would only delay a restart, since nothing can renew it.
 */
function deadOnThisHost(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return false;
  if (Number(pid) === process.pid) return !liveOwners.has(owner);
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * One projection's lease as one runner sees it: taken before the runner touches the projection,
 * renewed (with the runner's report of it) every third of its lifetime and whenever the report
 * changes, given up on stop. Leases use the wall clock, whatever clock the runner was given: they
 * are compared across processes.
 */
export class ProjectionLeaseKeeper {
  private heldUntilRenewal = false;
  private renewAt = 0;
  private reported = '';
  private other: ProjectionLease | null = null;
  private standingBy = false;

  constructor(
    private readonly projection: string,
    private readonly options: ProjectionLeaseOptions & { owner: string },
    private readonly logger: Logger,
  ) {}

  get owner(): string {
    return this.options.owner;
  }

  get held(): boolean {
    return this.heldUntilRenewal;
  }

  private get ttlMs(): number {
    return this.options.ttlMs ?? 10_000;
  }

  /** True while this runner holds the lease; takes or renews it when due or when the report changed. */
  async hold(report: ProjectionReport): Promise<boolean> {
    const now = Date.now();
    // Commit times change with every batch; renewing the lease for each would double the writes.
    const { lastCommitAt: _changesEveryBatch, ...changes } = report;
    const key = JSON.stringify(changes);
    if (this.heldUntilRenewal && now < this.renewAt && key === this.reported) return true;
    const request = { projection: this.projection, owner: this.owner, ttlMs: this.ttlMs, now: new Date(now), report };
    let answer = await this.options.leases.hold(request);
    if (!answer.held && answer.lease && deadOnThisHost(answer.lease.owner)) {
      this.logger.warn(`projection ${this.projection}: its lease belongs to ${answer.lease.owner}, a process on this host that is gone: taking it over`);
      answer = await this.options.leases.hold({ ...request, takeFrom: answer.lease.owner });
    }
    if (answer.held) {
      if (!this.heldUntilRenewal) this.logger.log(`projection ${this.projection}: lease taken by ${this.owner}`);
      this.heldUntilRenewal = true;
      this.standingBy = false;
      this.renewAt = now + Math.floor(this.ttlMs / 3);
      this.reported = key;
      this.other = null;
      return true;
    }
    this.other = answer.lease;
    const holder = answer.lease?.owner ?? 'another projector';
    if (this.heldUntilRenewal) this.logger.warn(`projection ${this.projection}: its lease passed to ${holder}: standing by`);
    else if (!this.standingBy) this.logger.log(`projection ${this.projection} is run by ${holder}: standing by until its lease lapses`);
    this.heldUntilRenewal = false;
    this.standingBy = true;
    return false;
  }

  /** Asks again at the next call, whatever the renewal time (after a checkpoint conflict). */
  recheck(): void {
    this.renewAt = 0;
  }

  /**
   * How long to stand by before asking again: until the holder's lease lapses, but at least every
   * second, so a holder on this host whose process died is noticed without waiting for its lease.
   */
  standbyMs(): number {
    const left = this.other ? Date.parse(this.other.expiresAt) - Date.now() + 20 : this.ttlMs / 3;
    return Math.max(50, Math.min(1_000, left));
  }

  /** How often a runner waiting out a backoff must renew the lease to keep it. */
  renewEveryMs(): number {
    return Math.max(50, Math.floor(this.ttlMs / 3));
  }

  async release(): Promise<void> {
    if (!this.heldUntilRenewal) return;
    this.heldUntilRenewal = false;
    await this.options.leases.release(this.projection, this.owner, new Date());
  }
}
