import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandStore, commandStoreOf, SqliteEventStore } from '@platform/event-store';
import { StreamCommandRunner } from '../commands/stream-command-runner';

/**
 * The embedded store configured as a store without atomic multi-stream appends (KurrentDB), in a
 * fresh directory per test: the command path a process use case must run on there. `open` may
 * be called again on the same file, as after a restart; `wrap` stands between the runner and
 * the store (a crash, a concurrent writer).
 */
export function singleStreamStores(prefix: string, now: Date) {
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), prefix))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return {
    open(wrap?: (commands: CommandStore, store: SqliteEventStore) => CommandStore) {
      const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), atomicMultiStream: false, clock: () => now });
      const commands = commandStoreOf(store, store);
      return {
        store,
        runner: new StreamCommandRunner(wrap ? wrap(commands, store) : commands, () => now),
        /** A runner straight on the store, as a process restarted after a crash has. */
        restartedRunner: new StreamCommandRunner(commands, () => now),
      };
    },
  };
}
