import type { Database } from 'better-sqlite3';

/**
 * WAL with synchronous=FULL: an acknowledged append survives power loss, not only a process crash.
 * Group commit (see sqlite-event-store.ts) wins back the throughput FULL costs per transaction.
 */
export function applyEventStorePragmas(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
}

export function migrateEventStore(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position        INTEGER PRIMARY KEY,
      event_id        TEXT    NOT NULL UNIQUE,
      stream_id       TEXT    NOT NULL,
      stream_revision INTEGER NOT NULL,
      type            TEXT    NOT NULL,
      schema_version  INTEGER NOT NULL,
      data            TEXT    NOT NULL,
      metadata        TEXT    NOT NULL,
      occurred_at     TEXT    NOT NULL,
      recorded_at     TEXT    NOT NULL,
      idempotency_key TEXT,
      prev_hash       TEXT    NOT NULL,
      hash            TEXT    NOT NULL,
      UNIQUE (stream_id, stream_revision)
    );
    CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
    CREATE INDEX IF NOT EXISTS events_by_idempotency_key ON events (idempotency_key) WHERE idempotency_key IS NOT NULL;
    CREATE TABLE IF NOT EXISTS checkpoints (
      name       TEXT PRIMARY KEY,
      position   INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    );
  `);
}

export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  stream_revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  occurred_at: string;
  recorded_at: string;
  idempotency_key: string | null;
  prev_hash: string;
  hash: string;
}
