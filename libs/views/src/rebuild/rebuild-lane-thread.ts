import { threadEntry } from '@platform/event-store';
import type { RebuildProgress, RebuildResult } from '@platform/read-models';
import { Worker } from 'node:worker_threads';

export interface LaneThreadData {
  readonly dataDir: string;
  readonly names: readonly string[];
  readonly pendingMiB: number;
}

export type FromLaneThread =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly progress: RebuildProgress }
  | { readonly type: 'done'; readonly results: RebuildResult[] }
  | { readonly type: 'stopped' }
  | { readonly type: 'failed'; readonly message: string };

/** Once every lane is ready: `go` rebuilds, `stop` gives the leases up and ends without touching a view. */
export type ToLaneThread = { readonly type: 'go' } | { readonly type: 'stop' };

export interface LaneThread {
  /** Its runner is made (see openRebuildLane) and holds its views' leases: it waits for go or stop. */
  readonly ready: Promise<void>;
  /** Its views' results once rebuilt; none when stopped before it began. */
  readonly done: Promise<RebuildResult[]>;
  go(): void;
  stop(): void;
}

/** Rebuilds `data.names` in a worker thread of their own once told to go, reporting progress as it goes. */
export function startLaneThread(data: LaneThreadData, onProgress: (progress: RebuildProgress) => void): LaneThread {
  const entry = threadEntry(__filename, 'rebuild-lane-thread.main');
  const worker = new Worker(entry.file, { workerData: data, execArgv: entry.execArgv, env: entry.env, name: `rebuild ${data.names.join(',')}` });
  let ready!: { resolve(): void; reject(error: Error): void };
  let settle!: { resolve(results: RebuildResult[]): void; reject(error: Error): void };
  const readyPromise = new Promise<void>((resolve, reject) => (ready = { resolve, reject }));
  const done = new Promise<RebuildResult[]>((resolve, reject) => (settle = { resolve, reject }));
  // Whoever waits on one of them is told; the other is not left rejected unheard.
  readyPromise.catch(() => undefined);
  done.catch(() => undefined);
  let finished = false;
  const fail = (error: Error) => {
    finished = true;
    // Failed before it was ready (a lease refused, a file it cannot open): no lane begins.
    ready.reject(error);
    settle.reject(error);
  };
  worker.on('message', (m: FromLaneThread) => {
    if (m.type === 'ready') ready.resolve();
    else if (m.type === 'progress') onProgress(m.progress);
    else if (m.type === 'done' || m.type === 'stopped') {
      finished = true;
      settle.resolve(m.type === 'done' ? m.results : []);
    } else fail(new Error(m.message));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!finished) fail(new Error(`the rebuild thread of ${data.names.join(', ')} stopped (exit code ${code})`));
  });
  const tell = (message: ToLaneThread) => {
    if (!finished) worker.postMessage(message);
  };
  return { ready: readyPromise, done, go: () => tell({ type: 'go' }), stop: () => tell({ type: 'stop' }) };
}
