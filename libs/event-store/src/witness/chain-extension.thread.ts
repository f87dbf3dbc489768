import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { EventRow } from '../sqlite/sqlite-schema';
import { extendChain, historyRows, HistorySource } from './history-scan';

// The chain extension's thread (see chain-extension.ts): its own read-only connection to the store.
const db = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
const page = db.prepare<[number, number, number], EventRow>('SELECT * FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?');
const source: HistorySource = {
  readAllRows: ({ after, until, limit }) => page.all(after ?? 0, until ?? Number.MAX_SAFE_INTEGER, limit ?? 1000),
  headPosition: () => Promise.reject(new Error('not asked of the chain extension thread')),
};

parentPort!.on('message', ({ id, from, until }: { id: number; from: { position: number; hash: string }; until: number }) => {
  try {
    parentPort!.postMessage({ id, result: extendChain(from, historyRows(source, from.position, until)) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
