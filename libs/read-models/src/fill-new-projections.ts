import type { EventStore } from '@platform/event-store';
import { ProjectionRunner, RebuildResult, RunnerLogger } from './projection-runner';
import { ReadStore } from './read-store.port';

/** Below this many events a new projection catches up live: a rebuild's bulk load pays off on long histories. */
export const FILL_NEW_FROM_EVENTS = 10_000;

export interface FillNewOptions {
  /** Events the history must hold for a fill (default FILL_NEW_FROM_EVENTS). */
  readonly minEvents?: number;
  readonly logger: RunnerLogger;
  /** Where the fill stands: the position every new projection has applied up to, of the head it fills to. */
  onProgress?(position: number, head: number): void;
  readonly signal?: AbortSignal;
}

/**
 * Before a runner starts: the projections that never stored anything (a first start on a
 * generated city, a read store deleted), or whose documents an older version of them built, are
 * filled from the whole history in one shared pass, as
 * `npm run rebuild` fills them (see ProjectionRunner.rebuildAll: each batch read once for all of
 * them, documents kept pending, indexes and the search's full-text index built once at the end),
 * instead of each catching up on its own, its indexes kept write by write. Those with a checkpoint
 * catch up live once the runner starts, and so does one the fill could not take (another
 * projector holds its lease) or that failed: a failure is logged, never thrown, since the live
 * runner retries it with its status on /health.
 */
export async function fillNewProjections(runner: ProjectionRunner, events: EventStore, store: ReadStore, options: FillNewOptions): Promise<RebuildResult[]> {
  // The reads that choose what to fill too: a failure of any is logged, and the live runner catches up.
  try {
    // One read of every checkpoint; a restart, whose projections all have theirs, asks nothing more.
    const stored = new Map((await store.checkpoints()).map((c) => [c.projection, c.version]));
    // One an older version built is rebuilt from nothing anyway (see the worker's init).
    const names = runner.projections().filter((p) => stored.get(p.name) !== p.version).map((p) => p.name);
    if (names.length === 0) return [];
    const head = await events.headPosition();
    const count = head === 0 ? 0 : await events.countEvents(0, head);
    if (count === null || count < (options.minEvents ?? FILL_NEW_FROM_EVENTS)) return [];
    options.logger.log(`filling ${names.length} new projection(s) from ${count} events in one pass: ${names.join(', ')}`);
    const at = new Map(names.map((n) => [n, 0]));
    const onProgress = (p: { name: string; position: number; head: number }) => {
      at.set(p.name, p.position);
      options.onProgress?.(Math.min(...at.values()), p.head);
    };
    return await runner.rebuildAll(names, { onProgress, signal: options.signal });
  } catch (error) {
    options.logger.warn(`filling the new projections: ${error instanceof Error ? error.message : String(error)}; what is left catches up live`);
    return [];
  }
}
