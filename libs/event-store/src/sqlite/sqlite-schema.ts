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

/** The table's columns, in the order statements name them and `.raw()` rows hold them. */
export const EVENT_COLUMNS = [
  'position',
  'event_id',
  'stream_id',
  'stream_revision',
  'type',
  'schema_version',
  'data',
  'metadata',
  'occurred_at',
  'recorded_at',
  'idempotency_key',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof EventRow)[];

export const EVENT_COLUMN_LIST = EVENT_COLUMNS.join(', ');

/** A row as an array, in EVENT_COLUMNS order. */
export type EventColumns = ConstructorParameters<typeof StoredEnvelope> extends [UpcasterRegistry | undefined, ...infer Columns] ? Readonly<Columns> : never;

/** The columns that place an event in the chain. */
export type ChainRow = Pick<EventRow, 'position' | 'event_id' | 'stream_id' | 'stream_revision' | 'hash' | 'prev_hash'>;

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
  return new StoredEnvelope(upcasters, r.position, r.event_id, r.stream_id, r.stream_revision, r.type, r.schema_version, r.data, r.metadata, r.occurred_at, r.recorded_at, r.idempotency_key, r.prev_hash, r.hash);
}

/**
 * A row read as an array of its columns (`.raw()`, EVENT_COLUMNS order) as readers see it: an
 * array crosses from SQLite to JavaScript for less than an object with named fields, which is
 * most of what reading history costs besides parsing the JSON.
 */
export function storedFromColumns(c: EventColumns, upcasters?: UpcasterRegistry): StoredEvent {
  return new StoredEnvelope(upcasters, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12]);
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

// The envelope's fields, as the class below assigns them once in its constructor.
interface StoredEnvelope extends Writable<StoredEvent> {}

/**
 * An envelope as read, built by a constructor rather than an object literal: V8 pretenures an
 * object literal's allocation site once its objects have outlived collections (as envelopes do
 * through a rebuild's batches), and from then on every envelope that site makes — a reader's
 * that drops it at once too — is allocated in the old generation, freed only by full collections,
 * and the young strings and data it points to cost every scavenge a remembered-set entry: read all
 * after a rebuild in the same process ran at about two thirds of its rate. Instances made by
 * `new` start young. The fields are assigned in the order the envelope has always had (its JSON
 * text keeps it).
 */
class StoredEnvelope {
  constructor(
    upcasters: UpcasterRegistry | undefined,
    position: number,
    eventId: string,
    streamId: string,
    streamRevision: number,
    type: string,
    schemaVersion: number,
    dataJson: string,
    metadataJson: string,
    occurredAt: string,
    recordedAt: string,
    idempotencyKey: string | null,
    prevHash: string,
    hash: string,
  ) {
    const meta = JSON.parse(metadataJson) as StoredMetadata;
    const raw = JSON.parse(dataJson) as unknown;
    const upcast = !upcasters || upcasters.isEmpty ? null : upcasters.apply(type, schemaVersion, raw);
    this.position = position;
    this.eventId = eventId;
    this.streamId = streamId;
    this.streamRevision = streamRevision;
    this.type = type;
    this.schemaVersion = upcast ? upcast.version : schemaVersion;
    this.data = upcast ? upcast.data : raw;
    this.occurredAt = occurredAt;
    this.recordedAt = recordedAt;
    this.actor = meta.actor;
    this.correlationId = meta.correlationId;
    this.causationId = meta.causationId;
    this.idempotencyKey = idempotencyKey;
    this.commandFingerprint = meta.commandFingerprint ?? null;
    this.prevHash = prevHash;
    this.hash = hash;
  }
}
