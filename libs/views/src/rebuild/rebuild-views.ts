import { integerSetting } from '@platform/common';
import { chosenProjections, RebuildBars, RebuildResult } from '@platform/read-models';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { VIEW_PROJECTIONS } from '../view-projections';
import { openRebuildLane, rebuildEvents, RebuildLane } from './rebuild-lane';
import { startLaneThread } from './rebuild-lane-thread';

/**
 * What a rebuild keeps pending by default (REBUILD_PENDING_MIB), twice a server's 64 MiB: at twice
 * the demo city the ledger's problems and their states are about 100 million characters of JSON,
 * and under 64 MiB it stored them mid-way seven times, each commit rewriting what it held into
 * ever larger tables and later events reading it back (175 s against 132 s for every view, peak
 * RSS 1.09 against 1.33 GiB). A server's first start keeps the runner's default: its projector
 * thread's heap is bounded (PROJECTOR_HEAP_MIB). In two threads, the ledger's keeps up to this much.
 */
export const DEFAULT_REBUILD_PENDING_MIB = 128;

export function loadRebuildPendingMiB(env: NodeJS.ProcessEnv = process.env): number {
  return integerSetting(env, 'REBUILD_PENDING_MIB', DEFAULT_REBUILD_PENDING_MIB, 1);
}

/** REBUILD_THREADS: 1 rebuilds every view in one thread; by default two where there are two cores. */
export function loadRebuildThreads(env: NodeJS.ProcessEnv = process.env): number {
  return integerSetting(env, 'REBUILD_THREADS', Math.min(2, availableParallelism()), 1);
}

/**
 * Views rebuilt in a thread of their own beside the others: the rectification ledger, whose
 * documents many events rewrite, is about half of a rebuild of every view (35 of 73 s at the demo
 * city), the other ten views together the other half.
 */
const OWN_THREAD = ['rectification-ledger'];

/** The chosen views per thread: the first in this one, each other in a worker thread. */
export function rebuildThreads(chosen: readonly string[], threads: number): string[][] {
  const own = chosen.filter((n) => OWN_THREAD.includes(n));
  const rest = chosen.filter((n) => !OWN_THREAD.includes(n));
  return threads > 1 && own.length > 0 && rest.length > 0 ? [rest, own] : [[...chosen]];
}

/**
 * What the thread of the views other than the ledger keeps pending, at most: mostly the audit
 * trail's entries, each written once, which gain nothing by waiting (fresh copies of the cities,
 * with the ledger's thread at 128 MiB: at the demo city 51-54 s and 1.20-1.26 GiB peak RSS against
 * 56 s and 1.53 GiB with 128 MiB for both; at twice it 104 s and 1.63 GiB against 102 s and 2.16 GiB).
 */
export const VIEWS_THREAD_PENDING_MIB = 48;

/**
 * A history shorter than this is rebuilt in one thread: a worker thread takes about a second to
 * start (its own isolate loads the code), which a rebuild of a few seconds does not win back (the
 * first 20,000 events of the demo city: 2.1 s in two threads, the stores' opening included, against
 * 1.2 s for the runner's rebuild alone in one).
 */
export const REBUILD_THREAD_FROM_EVENTS = 100_000;

export interface RebuildViewsOptions {
  /** What the ledger's thread (or the only one) keeps pending, in MiB (default REBUILD_PENDING_MIB); the other views' thread keeps up to VIEWS_THREAD_PENDING_MIB of it. */
  readonly pendingMiB?: number;
  /** Threads at most (default REBUILD_THREADS). */
  readonly threads?: number;
  /** The shortest history rebuilt in more than one thread (default REBUILD_THREAD_FROM_EVENTS). */
  readonly threadFromEvents?: number;
}

/**
 * Rebuilds the named view projections (all when none are named) from position 0 on the data
 * directory's embedded stores, with a progress bar per projection. The views of each thread (see
 * rebuildThreads) go together in one pass over the events; the threads share the read store's
 * file, each waiting for the other's writes, so a long history is rebuilt on both cores where one
 * was busy and the other mostly idle (the demo city: 51-54 s against 64-81 s, a few per cent more CPU).
 * Run it with the application (or projector) that runs them stopped: it takes every chosen
 * projection's lease before it touches any view, and while another process holds any of them it is
 * refused, naming each view held, with every view left as it was.
 */
export async function rebuildViews(dataDir: string, names: readonly string[], progress?: NodeJS.WritableStream, options: RebuildViewsOptions = {}): Promise<RebuildResult[]> {
  // Opening a missing file would create an empty store and "rebuild" every view to nothing.
  if (!existsSync(join(dataDir, 'events.sqlite'))) throw new Error(`no event store at ${join(dataDir, 'events.sqlite')} (set DATA_DIR)`);
  const chosen = chosenProjections(
    VIEW_PROJECTIONS.map((p) => p.name),
    names,
  );
  const pendingMiB = options.pendingMiB ?? loadRebuildPendingMiB();
  const threads = options.threads ?? loadRebuildThreads();
  // This thread's events, opened once: their head decides the threads, and with them this thread's bound.
  const events = rebuildEvents(dataDir);
  let lane: RebuildLane;
  let here: string[];
  let elsewhere: string[][];
  try {
    const long = (await events.headPosition()) >= (options.threadFromEvents ?? REBUILD_THREAD_FROM_EVENTS);
    [here, ...elsewhere] = rebuildThreads(chosen, long ? threads : 1);
    lane = openRebuildLane(dataDir, elsewhere.length > 0 ? Math.min(pendingMiB, VIEWS_THREAD_PENDING_MIB) : pendingMiB, events);
  } catch (error) {
    await events.close();
    throw error;
  }
  const bars = new RebuildBars(chosen, progress);
  try {
    const others = elsewhere.map((lanes) => startLaneThread({ dataDir, names: lanes, pendingMiB }, (p) => bars.update(p)));
    // Every lane's runner made (see openRebuildLane) and every view's lease taken before any
    // rebuild begins: refused for any view, the command names each one refused and leaves them all as they were.
    const own = await lane.runner.holdLeases(here).then(
      () => null,
      (error: unknown) => error as Error,
    );
    const ready = await Promise.allSettled(others.map((t) => t.ready));
    const refused = [own, ...ready.map((r) => (r.status === 'rejected' ? (r.reason as Error) : null))].filter((e): e is Error => e !== null);
    if (refused.length > 0) {
      others.forEach((t) => t.stop());
      await Promise.allSettled(others.map((t) => t.done));
      if (!own) await lane.runner.releaseLeases(here);
      throw refused.length === 1 ? refused[0] : new Error(refused.map((e) => e.message).join('; '));
    }
    others.forEach((t) => t.go());
    const settled = await Promise.allSettled([lane.runner.rebuildAll(here, { onProgress: (p) => bars.update(p) }), ...others.map((t) => t.done)]);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const results = settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : []));
    return chosen.map((name) => results.find((r) => r.name === name)!);
  } finally {
    bars.stop();
    await lane.close();
  }
}
