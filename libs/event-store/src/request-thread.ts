import { Worker } from 'node:worker_threads';
import { threadEntry } from './thread-entry';

/**
 * A worker thread asked one request at a time per id: `ask` posts `{ id, ...request }` and resolves
 * with what the thread answers under that id (`answer` reads its message, throwing to refuse). The
 * thread is started on the first request, held open only while a request is waiting (an idle thread
 * never keeps the process alive), and started again after it failed, every waiting request refused.
 */
export class RequestThread<Request extends object, Answer> {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(a: Answer): void; reject(e: Error): void }>();

  constructor(
    private readonly callerFile: string,
    private readonly base: string,
    private readonly workerData: unknown,
    private readonly answer: (message: { id: number }) => Answer,
  ) {}

  ask(request: Request): Promise<Answer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const worker = this.thread();
      worker.ref();
      worker.postMessage({ id, ...request });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const entry = threadEntry(this.callerFile, this.base);
    const worker = new Worker(entry.file, { workerData: this.workerData, execArgv: entry.execArgv, env: entry.env, name: this.base });
    worker.on('message', (m: { id: number }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) worker.unref();
      try {
        w?.resolve(this.answer(m));
      } catch (error) {
        w?.reject(error as Error);
      }
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.waiting.forEach((w) => w.reject(error));
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`${this.base} thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }
}
