import { Worker } from 'node:worker_threads';
import { threadEntry } from '../thread-entry';
import { extendChain, Finding, historyRows, HistorySource } from './history-scan';

export type ChainTip = { position: number; hash: string };

/**
 * Extends a witnessed hash over the stored rows after it, up to a position (see extendChain): the
 * re-hashing a checkpoint costs before it is signed.
 */
export interface ChainExtension {
  extend(from: ChainTip, until: number): Promise<ChainTip | Finding>;
  close(): Promise<void>;
}

/** On the caller's thread, from the store's own rows. */
export function extendInThread(source: HistorySource): ChainExtension {
  return {
    extend: async (from, until) => extendChain(from, historyRows(source, from.position, until)),
    close: async () => undefined,
  };
}

/**
 * On a thread of its own with its own read-only connection to the store's file: the same rows
 * (committed ones; WAL lets a reader see them while the writer goes on) and the same check, off
 * the thread that appends, so signing a checkpoint every so many events does not hold up the
 * appends arriving meanwhile. A thread that failed is started again on the next use.
 */
export class ChainExtensionThread implements ChainExtension {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(r: ChainTip | Finding): void; reject(e: Error): void }>();

  /**
   * Started on the first checkpoint, not with the witness: most processes that open a store (a
   * query-only API, a short tool, a test) never sign one, and a thread costs its start-up (from
   * source, compiling the scan) whether used or not.
   */
  constructor(private readonly file: string) {}

  extend(from: ChainTip, until: number): Promise<ChainTip | Finding> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const worker = this.thread();
      // Held open only while asked something: an idle thread never keeps the process alive.
      worker.ref();
      worker.postMessage({ id, from, until });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const entry = threadEntry(__filename, 'chain-extension.thread');
    const worker = new Worker(entry.file, { workerData: { file: this.file }, execArgv: entry.execArgv, env: entry.env, name: 'chain-extension' });
    worker.on('message', (m: { id: number; result?: ChainTip | Finding; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) worker.unref();
      if (m.error !== undefined) w?.reject(new Error(m.error));
      else w?.resolve(m.result!);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.waiting.forEach((w) => w.reject(error));
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`chain extension thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }
}

/** A thread of its own where the store is a file another connection can read; the caller's thread otherwise. */
export function chainExtensionFor(source: HistorySource & { db?: { name: string; memory: boolean } }): ChainExtension {
  return source.db && !source.db.memory ? new ChainExtensionThread(source.db.name) : extendInThread(source);
}
