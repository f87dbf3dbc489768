import type { EventStore } from '@platform/event-store';
import { ProjectionLeases, ProjectionReport } from './leases/projection-leases.port';
import { Projection } from './projection';
import { ReadStore } from './read-store.port';

/**
 * `unowned`: no projector holds its lease (none runs, or the last one stopped or died and its
 * lease has not lapsed yet); otherwise the state its holder last reported, but `live` for one
 * reported starting or catching up whose checkpoint is at the head.
 */
export interface StoredProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly state: string;
  /** The stored checkpoint. */
  readonly position: number;
  /** Events after the checkpoint up to the head (the store's countEvents); null where the store cannot count them (KurrentDB). */
  readonly lag: number | null;
  /** The checkpoint is below the head: events wait, whether or not they can be counted. */
  readonly behind: boolean;
  /** Who runs it, while its lease lasts. */
  readonly owner: string | null;
  readonly leaseExpiresAt: string | null;
  readonly lastError: ProjectionReport['lastError'];
  readonly errorCount: number;
  readonly retrying: boolean;
  readonly nextRetryAt: string | null;
  readonly lastCommitAt: string | null;
  readonly divergence: ProjectionReport['divergence'];
}

export interface StoredRunnerStatus {
  readonly head: number;
  /** False when a projection fails, is being rebuilt after a divergence, or is behind with nobody running it. */
  readonly healthy: boolean;
  readonly projections: StoredProjectionStatus[];
}

/**
 * The projections' status as stored — checkpoints and the leases their runners renew with a
 * report — so any process (one that runs no projection included) answers /health the same way.
 */
export async function storedProjectionStatus(
  events: EventStore,
  store: ReadStore,
  leases: ProjectionLeases,
  projections: readonly Projection[],
): Promise<StoredRunnerStatus> {
  const [head, checkpoints, held] = await Promise.all([events.headPosition(), store.checkpoints(), leases.leases()]);
  const now = Date.now();
  const positions = new Map(checkpoints.map((c) => [c.projection, c.position]));
  const lags = await Promise.all(projections.map((p) => (positions.get(p.name) ?? 0) >= head ? 0 : events.countEvents(positions.get(p.name) ?? 0, head)));
  const leaseOf = new Map(held.filter((l) => Date.parse(l.expiresAt) > now).map((l) => [l.projection, l]));
  const items = projections.map((p, i): StoredProjectionStatus => {
    const position = positions.get(p.name) ?? 0;
    const lease = leaseOf.get(p.name);
    const report = lease?.report ?? null;
    const reported = lease ? (report?.state ?? 'starting') : 'unowned';
    return {
      name: p.name,
      version: p.version,
      // The runner renews its report only after the batch that moved the checkpoint: on a busy
      // machine a /health between the two read 'starting' or 'catching-up' of a projection at the head.
      state: position >= head && (reported === 'starting' || reported === 'catching-up') ? 'live' : reported,
      position,
      lag: lags[i],
      behind: position < head,
      owner: lease?.owner ?? null,
      leaseExpiresAt: lease?.expiresAt ?? null,
      lastError: report?.lastError ?? null,
      errorCount: report?.errorCount ?? 0,
      retrying: report?.retrying ?? false,
      nextRetryAt: report?.nextRetryAt ?? null,
      lastCommitAt: report?.lastCommitAt ?? null,
      divergence: report?.divergence ?? null,
    };
  });
  const unwell = (s: StoredProjectionStatus) =>
    s.retrying || (s.divergence !== null && s.divergence.rebuiltAt === null) || (s.owner === null && s.behind);
  return { head, healthy: !items.some(unwell), projections: items };
}
