import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';
import { WalCheckpointer } from './wal-checkpointer';

describe('WalCheckpointer: the event store write-ahead log copied into its file on a thread of its own', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies every frame the writer thread committed (its own commits never do), and the events read back the same', async () => {
    const file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ file, writer: 'thread' });
    // A reader's connection that never checkpoints either, to look at the log without changing it.
    const reader = new Database(file);
    reader.pragma('wal_autocheckpoint = 0');
    const checkpointer = new WalCheckpointer(file, Number.MAX_SAFE_INTEGER);
    try {
      for (let i = 0; i < 40; i++) await store.append(`problem-p-${i}`, [newEvent('ProgressNoted', { note: 'x'.repeat(3000) })], 'any');
      const result = await checkpointer.checkpoint();
      expect(result).not.toBeNull();
      // 40 commits of a 3 KB event each: more frames than a commit of one writes; all of them now in the file.
      expect(result!.log).toBeGreaterThan(40);
      expect(result!.checkpointed).toBe(result!.log);
      expect(reader.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 40 });
      expect((await store.verifyChain()).ok).toBe(true);
    } finally {
      await checkpointer.close();
      reader.close();
      await store.close();
    }
  });

  it('starts a checkpoint once as many events as it waits for were appended since the last, never two at once', async () => {
    const file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ file, writer: 'thread' });
    await store.append('problem-p-1', [newEvent('ProgressNoted', { note: 'first' })], 'any');
    const checkpointer = new WalCheckpointer(file, 3);
    try {
      expect(checkpointer.appendedEvents(2)).toBeNull();
      const started = checkpointer.appendedEvents(1);
      expect(started).not.toBeNull();
      // While it runs, what is appended counts towards the next one.
      expect(checkpointer.appendedEvents(5)).toBeNull();
      expect(checkpointer.checkpoint()).toBe(started);
      expect(await started).toMatchObject({ busy: 0 });
      // The 5 appended meanwhile are enough for the next.
      const next = checkpointer.appendedEvents(1);
      expect(next).not.toBeNull();
      await next;
      expect(checkpointer.appendedEvents(2)).toBeNull();
    } finally {
      await checkpointer.close();
      await store.close();
    }
  });
});
