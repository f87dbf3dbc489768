import type { Database } from 'better-sqlite3';
import { StoredEvent } from '../event-envelope';
import { chainHash } from '../hash-chain';
import { UpcasterRegistry } from '../upcasters';

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

interface StoredMetadata {
  readonly actor: StoredEvent['actor'];
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly commandFingerprint?: string;
}

/** The chain hash of a row, over its stored text; the writer and the verifier both use it. */
export function rowHash(r: Omit<EventRow, 'hash'>): string {
  return chainHash(r.prev_hash, {
    position: r.position,
    eventId: r.event_id,
    streamId: r.stream_id,
    streamRevision: r.stream_revision,
    type: r.type,
    schemaVersion: r.schema_version,
    dataJson: r.data,
    metadataJson: r.metadata,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
  });
}

/** A row as readers see it; without upcasters the data stays at its stored schema version. */
export function toStored(r: EventRow, upcasters?: UpcasterRegistry): StoredEvent {
  const meta = JSON.parse(r.metadata) as StoredMetadata;
  const raw = JSON.parse(r.data) as unknown;
  const { version, data } =
    !upcasters || upcasters.isEmpty ? { version: r.schema_version, data: raw } : upcasters.apply(r.type, r.schema_version, raw);
  return {
    position: r.position,
    eventId: r.event_id,
    streamId: r.stream_id,
    streamRevision: r.stream_revision,
    type: r.type,
    schemaVersion: version,
    data,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    actor: meta.actor,
    correlationId: meta.correlationId,
    causationId: meta.causationId,
    idempotencyKey: r.idempotency_key,
    commandFingerprint: meta.commandFingerprint ?? null,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
