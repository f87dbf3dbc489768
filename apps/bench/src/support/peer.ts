import Database from 'better-sqlite3';
import {
  appendToStream,
  createEventStoreSchema,
  getSQLiteEventStore,
  readMessagesBatch,
  readStream,
  SQLiteConnection,
  sqliteConnection,
  SQLiteEventStore,
} from '@event-driven-io/emmett-sqlite';
import type { NewEvent } from '@platform/event-store';

/**
 * The peer: Emmett 0.38.5's SQLite event store (node-sqlite3, asynchronous). Two ways in:
 * - `store`: `getSQLiteEventStore({ fileName })`, its public API. On a file it opens a new
 *   connection for every operation and closes it afterwards.
 * - `connection`: its exported building blocks (`appendToStream`, `readMessagesBatch`,
 *   `readStream`) on one long-lived `sqliteConnection`, the way its own consumers read.
 */
export type EmmettEvent = { type: string; data: Record<string, unknown>; metadata: Record<string, unknown> };

export function toEmmett(e: NewEvent): EmmettEvent {
  return {
    type: e.type,
    data: e.data as Record<string, unknown>,
    metadata: { actor: e.actor, correlationId: e.correlationId, causationId: e.causationId ?? null },
  };
}

export function emmettStore(fileName: string): SQLiteEventStore {
  return getSQLiteEventStore({ fileName });
}

export async function emmettConnection(fileName: string): Promise<SQLiteConnection> {
  const conn = sqliteConnection({ fileName });
  await createEventStoreSchema(conn);
  return conn;
}

/** Failures Emmett reported and the bench retried (SQLITE_BUSY from its node-sqlite3 connection). */
export const emmettRetries = { retried: 0, messages: new Set<string>() };

/**
 * Runs one Emmett operation, retrying it (up to 5 times) when SQLite reports SQLITE_BUSY, as a
 * caller of Emmett would have to; Emmett's own console.log of the failed transaction is muted.
 * The retries count in the timing and are reported.
 */
export async function withEmmettRetry<T>(op: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const log = console.log;
    console.log = () => undefined;
    try {
      return await op();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'SQLITE_BUSY' || attempt >= 5) throw error;
      emmettRetries.retried++;
      emmettRetries.messages.add((error as Error).message);
    } finally {
      console.log = log;
    }
  }
}

/** Emmett counts versions from 0 (no stream) where we count revisions from -1. */
export const emmettVersion = (revision: number): bigint => BigInt(revision + 1);

export async function emmettAppend(conn: SQLiteConnection, streamId: string, events: readonly NewEvent[], revision: number): Promise<void> {
  const r = await withEmmettRetry(() =>
    appendToStream(conn, streamId, streamId.split('-')[0], events.map(toEmmett), { expectedStreamVersion: emmettVersion(revision) }),
  );
  if (!r.success) throw new Error(`emmett append to ${streamId} refused`);
}

/** Reads every message in global order, `batchSize` at a time; returns how many. */
export async function emmettReadAll(conn: SQLiteConnection, batchSize = 1000): Promise<number> {
  let after = 0n;
  let count = 0;
  for (;;) {
    const batch = await withEmmettRetry(() => readMessagesBatch(conn, { after, batchSize }));
    count += batch.messages.length;
    if (batch.messages.length === 0 || !batch.areEventsLeft) return count;
    after = batch.currentGlobalPosition;
  }
}

export async function emmettReadStream(conn: SQLiteConnection, streamId: string): Promise<number> {
  return (await withEmmettRetry(() => readStream(conn, streamId))).events.length;
}

/** What durability Emmett's connections get: journal mode and synchronous level as they open. */
export async function emmettPragmas(fileName: string): Promise<{ journalMode: string; synchronous: number; sqliteVersion: string }> {
  const conn = sqliteConnection({ fileName });
  try {
    const [j] = await conn.query<{ journal_mode: string }>('PRAGMA journal_mode');
    const [s] = await conn.query<{ synchronous: number }>('PRAGMA synchronous');
    const [v] = await conn.query<{ v: string }>('SELECT sqlite_version() AS v');
    return { journalMode: j.journal_mode, synchronous: s.synchronous, sqliteVersion: v.v };
  } finally {
    conn.close();
  }
}

/**
 * Loads rows straight into Emmett's tables (its own schema, created by its own migration), so a
 * large history can be read back through Emmett without appending it one stream at a time.
 */
export async function bulkLoadEmmett(
  fileName: string,
  rows: Iterable<{ streamId: string; streamPosition: number; type: string; dataJson: string; metadataJson: string; messageId: string }>,
): Promise<number> {
  const conn = await emmettConnection(fileName);
  conn.close();
  const db = new Database(fileName);
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(
    `INSERT INTO emt_messages (stream_id, stream_position, partition, message_kind, message_data, message_metadata,
       message_schema_version, message_type, message_id, is_archived)
     VALUES (?, ?, 'emt:default', 'E', ?, ?, '0', ?, ?, 0)`,
  );
  const streams = new Map<string, number>();
  let n = 0;
  db.transaction(() => {
    for (const r of rows) {
      insert.run(r.streamId, r.streamPosition, r.dataJson, r.metadataJson, r.type, r.messageId);
      streams.set(r.streamId, Math.max(streams.get(r.streamId) ?? 0, r.streamPosition));
      n++;
    }
    const stream = db.prepare(
      `INSERT INTO emt_streams (stream_id, stream_position, partition, stream_type, stream_metadata, is_archived)
       VALUES (?, ?, 'emt:default', ?, '[]', 0)`,
    );
    for (const [id, pos] of streams) stream.run(id, pos, id.split('-')[0]);
  })();
  db.close();
  return n;
}
