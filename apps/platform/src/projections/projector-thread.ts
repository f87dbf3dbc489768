import { Worker } from 'node:worker_threads';
import { threadEntry } from '@platform/event-store';
import type { RunnerLogger } from '@platform/read-models';
import type { FromProjectorThread, ProjectorThreadData, ToProjectorThread } from './projector-thread.protocol';

export interface ProjectorThreadOptions {
  readonly data: ProjectorThreadData;
  readonly logger: RunnerLogger;
  /** After each batch the thread committed: requests waiting for their write look again. */
  onCommitted?(projection: string, position: number): void;
  /** The thread ended unasked and another is being started. */
  onRestart?(exitCode: number): void;
  /** Delay before starting a thread again after a crash: doubled per crash in a row, up to maxMs (default 500 ms and 30 s). */
  readonly restart?: { readonly initialMs?: number; readonly maxMs?: number };
  /** How long stop() waits for the thread to give its leases up before ending it (default 10 s). */
  readonly stopTimeoutMs?: number;
  /**
   * The old generation of the thread's heap, in MiB (default: V8's, which grows with the machine's
   * memory); doubled for the next thread after one ran out of it.
   */
  readonly heapMiB?: number;
}

/** A thread that ran this long before it crashed was not crashing in a loop: the next one starts without a long delay. */
const STABLE_MS = 60_000;

/**
 * The platform's projector in a worker thread: started with the platform, told when events were
 * appended, asked to stop (giving its leases up) when the platform stops, and started again when it
 * ends unasked — with the same owner name, so it resumes the leases its predecessor held at once.
 */
export class ProjectorThread {
  private worker: Worker | null = null;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private delayMs: number;
  private startedAt = 0;
  private appendPending = false;
  private restarts = 0;
  private heapMiB: number | undefined;
  private fillingAt: number | null = null;

  constructor(private readonly options: ProjectorThreadOptions) {
    this.delayMs = options.restart?.initialMs ?? 500;
    this.heapMiB = options.heapMiB;
  }

  /** The running thread, if any (its threadId names it in logs; tests end it to see it noticed). */
  get current(): Worker | null {
    return this.worker;
  }

  /** The position a fill of new projections in the thread has reached, while one runs, its end included (null otherwise). */
  get filling(): number | null {
    return this.fillingAt;
  }

  /** Threads started again after a crash. */
  get restartCount(): number {
    return this.restarts;
  }

  /** The heap limit the next thread starts with (MiB), if one is set. */
  get heapLimitMiB(): number | undefined {
    return this.heapMiB;
  }

  start(): void {
    if (this.worker || this.stopping) return;
    const entry = threadEntry(__filename, 'projector-thread.main');
    const resourceLimits = this.heapMiB ? { maxOldGenerationSizeMb: this.heapMiB } : undefined;
    const worker = new Worker(entry.file, { workerData: this.options.data, execArgv: entry.execArgv, env: entry.env, name: 'projector', resourceLimits });
    this.worker = worker;
    this.startedAt = Date.now();
    worker.on('message', (m: FromProjectorThread) => this.received(m));
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && this.heapMiB) {
        // What it held was more than the limit allows (a catch-up's pending documents are bounded,
        // not by this): the next one may hold twice as much rather than fail the same way forever.
        this.options.logger.error(`projector thread ran out of its ${this.heapMiB} MiB heap: the next one gets ${this.heapMiB * 2} MiB`);
        this.heapMiB *= 2;
        return;
      }
      this.options.logger.error(`projector thread failed: ${error.message}`, error.stack);
    });
    worker.on('exit', (code) => this.ended(worker, code));
  }

  /** Events were appended: wakes the thread's idle projections (one message however many appends this tick). */
  appended(): void {
    if (this.appendPending || !this.worker) return;
    this.appendPending = true;
    queueMicrotask(() => {
      this.appendPending = false;
      this.post({ type: 'appended' });
    });
  }

  /** Asks the thread to stop (it releases its leases), and ends it if it has not within the timeout. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.post({ type: 'stop' });
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.options.stopTimeoutMs ?? 10_000).unref());
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      this.options.logger.warn('projector thread did not stop in time: ending it (its leases lapse on their own)');
      await worker.terminate();
    }
  }

  private post(message: ToProjectorThread): void {
    this.worker?.postMessage(message);
  }

  private received(m: FromProjectorThread): void {
    switch (m.type) {
      case 'committed':
        for (const c of m.commits) this.options.onCommitted?.(c.projection, c.position);
        break;
      case 'filling':
        this.fillingAt = m.done ? null : m.position;
        break;
      case 'log':
        if (m.level === 'error') this.options.logger.error(m.message, m.stack);
        else this.options.logger[m.level](m.message);
        break;
      case 'started':
        this.options.logger.log(`projector thread ${this.worker?.threadId ?? '?'} started as ${m.owner}`);
        break;
      case 'stopped':
        // Its leases are released: nothing is left for it to do.
        void this.worker?.terminate();
        break;
    }
  }

  private ended(worker: Worker, code: number): void {
    if (this.worker === worker) this.worker = null;
    this.fillingAt = null;
    if (this.stopping) return;
    const ranMs = Date.now() - this.startedAt;
    if (ranMs >= STABLE_MS) this.delayMs = this.options.restart?.initialMs ?? 500;
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.options.restart?.maxMs ?? 30_000);
    this.options.logger.error(`projector thread ended unasked (exit code ${code}) after ${Math.round(ranMs / 1000)} s: starting another in ${delay} ms`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.restarts++;
      this.options.onRestart?.(code);
      this.start();
    }, delay);
  }
}
