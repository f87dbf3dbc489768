import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idempotencyLookupContract } from '../testing/idempotency-lookup.contract';
import { SqliteEventStore } from './sqlite-event-store';

// The embedded store is its own lookup: the key is an indexed column beside each event.
idempotencyLookupContract('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idempotency-contract-'));
  const open = async () => {
    const events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    return { events, lookup: events };
  };
  return { open, reopen: open, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});
