import Database from 'better-sqlite3';
import { mkdtempSync, readSync, openSync, closeSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../testing/event-store.contract';
import { migrateEventStore } from './sqlite-schema';
import { SqliteEventStore } from './sqlite-event-store';
import { WriterThread } from './writer-thread';

/** The write-ahead log's checkpoint sequence number (its header's bytes 12-15), which SQLite counts up each time the log starts afresh. */
function logGeneration(file: string): number {
  const fd = openSync(`${file}-wal`, 'r');
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header.readUInt32BE(12);
  } finally {
    closeSync(fd);
  }
}

describe('WriterThread: checkpoints of its own connection', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'writer-thread-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts the log afresh after as many events as it waits for, so steady writes with no other checkpoint keep the log bounded', async () => {
    const file = join(dir, 'events.sqlite');
    const setup = new Database(file);
    setup.pragma('journal_mode = WAL');
    migrateEventStore(setup);
    // A connection that never checkpoints, held open so the log is not removed between commits.
    setup.pragma('wal_autocheckpoint = 0');
    const thread = new WriterThread(file, { backstopEvents: 20 });
    try {
      const append = (i: number) =>
        thread.write([[{ streamId: `problem-p-${i % 7}`, events: [newEvent('ProgressNoted', { note: 'x'.repeat(2000) })], expected: 'any' }]], '2026-03-01T08:00:00.000Z');
      await append(0);
      const first = logGeneration(file);
      let sizeAfterFirstRound = 0;
      for (let i = 1; i < 200; i++) {
        const { outcomes } = await append(i);
        expect(outcomes[0].ok).toBe(true);
        if (i === 40) sizeAfterFirstRound = statSync(`${file}-wal`).size;
      }
      // 200 commits, a checkpoint after every 20 events: the log started afresh again and again,
      // and grew no larger than the first rounds made it (each commit of a 2 KB event writes a few frames).
      expect(logGeneration(file) - first).toBeGreaterThanOrEqual(5);
      expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(sizeAfterFirstRound);
      expect(setup.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 200 });
    } finally {
      await thread.close();
      setup.close();
    }
    const store = new SqliteEventStore({ file });
    try {
      expect((await store.verifyChain()).ok).toBe(true);
    } finally {
      await store.close();
    }
  });
});
