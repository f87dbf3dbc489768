import { Comparison, compare, medianUnder } from '../support/model';

export interface StartupTimes {
  /** Spawn to listening, and spawn to /health with every projection at lag 0. */
  readonly listeningMs: number;
  readonly caughtUpMs: number;
  /** ms since the child process started: modules loaded, app created, listening. */
  readonly timings: { readonly modulesLoaded: number; readonly created: number; readonly listening: number };
  /** Projections behind in the first /health answer after listening. */
  readonly behindAtFirstAnswer?: number;
}

/**
 * The city section's start-up rows. Restart: a new process on the data directory the previous
 * one left, until /health reports every projection at lag 0 (they load incrementally: only the
 * events since their checkpoints). First start: on the freshly generated city without read
 * models, the time it answered while its views were still behind — zero when it catches up
 * before listening.
 */
/** With kept read models the first start did not build the views from 0, and says so. */
export function startupRows(firstStart: StartupTimes, restarts: readonly StartupTimes[], keptReadModels = false): Comparison[] {
  const restart = restarts[0];
  // Nothing was answered stale when the very first answer had every projection caught up; otherwise the
  // window lasted until the parent saw them caught up (its /health polls included).
  const stale = firstStart.behindAtFirstAnswer === 0 ? 0 : Math.max(0, firstStart.caughtUpMs - firstStart.listeningMs);
  return [
    compare(
      'restart to healthy (projections at lag 0)',
      'ms',
      { label: 'restart', samples: restarts.map((r) => r.caughtUpMs) },
      { label: keptReadModels ? 'start with kept read models' : 'first start (projections from 0)', samples: [firstStart.caughtUpMs] },
      medianUnder(5_000, 'restart < 5 s'),
      `${restarts.length} restarts, caught up after ${restarts.map((r) => Math.round(r.caughtUpMs).toLocaleString('en-US')).join(', ')} ms; the first: process start → modules loaded ${restart.timings.modulesLoaded} ms, app created ${restart.timings.created} ms, listening ${restart.timings.listening} ms (the built platform as \`npm start\` runs it; the projections run in its projector thread)`,
    ),
    compare(
      'first start: answering while the views were behind',
      'ms',
      { label: 'listening → caught up', samples: [stale] },
      { label: 'first start until caught up', samples: [firstStart.caughtUpMs] },
      // One /health poll of the bench (50 ms) and the request's own time: nothing is answered stale.
      medianUnder(500, 'caught up at start (< 0.5 s)'),
      `listening after ${Math.round(firstStart.listeningMs)} ms, every projection built from position 0 (with a progress bar on the console) and the deadline check's start-up warnings caught up before it listens; projections behind in the first /health answer: ${firstStart.behindAtFirstAnswer ?? '?'}`,
    ),
  ];
}
