import { RequestThread } from '../request-thread';
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
  /**
   * Started on the first checkpoint, not with the witness: most processes that open a store (a
   * query-only API, a short tool, a test) never sign one, and a thread costs its start-up (from
   * source, compiling the scan) whether used or not.
   */
  private readonly thread: RequestThread<{ from: ChainTip; until: number }, ChainTip | Finding>;

  constructor(file: string) {
    this.thread = new RequestThread(__filename, 'chain-extension.thread', { file }, (message) => {
      const m = message as { result?: ChainTip | Finding; error?: string };
      if (m.error !== undefined) throw new Error(m.error);
      return m.result!;
    });
  }

  extend(from: ChainTip, until: number): Promise<ChainTip | Finding> {
    return this.thread.ask({ from, until });
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}

/** A thread of its own where the store is a file another connection can read; the caller's thread otherwise. */
export function chainExtensionFor(source: HistorySource & { db?: { name: string; memory: boolean } }): ChainExtension {
  return source.db && !source.db.memory ? new ChainExtensionThread(source.db.name) : extendInThread(source);
}
