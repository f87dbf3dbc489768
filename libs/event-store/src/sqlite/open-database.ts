import Database, { Database as Db } from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A database file that cannot be used: the process must stop at start, naming it, rather than answer 500s. */
export class DatabaseFileError extends Error {
  constructor(
    readonly file: string,
    readonly sqliteMessage: string,
    readonly code: string | null,
  ) {
    super(`数据库文件无法使用 (database file unusable): ${file}: ${sqliteMessage}${code ? ` [${code}]` : ''}`);
    this.name = 'DatabaseFileError';
  }
}

/** How long a statement waits for another connection's write lock before SQLITE_BUSY, once a store is open. */
export const BUSY_WAIT_MS = 10_000;

/** SQLite's answer that another connection held the write lock for longer than this one waited. */
export function isBusy(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY';
}

/**
 * How long opening a file waits for another connection's write lock. The services of one data
 * directory start together and share its files, and a start must not fail because another process
 * is writing: a projector's first start creates the read store's schema and indexes, and a rebuild's
 * commits and end-of-rebuild index builds hold the write lock for seconds to tens of seconds at city
 * scale. With the runtime wait, an API started meanwhile died with "database is locked".
 */
export const OPEN_BUSY_WAIT_MS = 120_000;

/**
 * How often compiling a statement is tried when another connection changed the schema meanwhile.
 * SQLite compiles against the schema it read, and tries again once when the file's schema moved
 * underneath; a projector's first start makes and drops dozens of indexes in a row, and an API
 * started beside it lost that race at open ("database schema has changed"): under a loop of index
 * changes, one read store open in eight did. Compiling writes nothing, so trying again is always
 * safe. A statement once compiled is SQLite's to re-compile while it runs (up to 50 times).
 */
const SCHEMA_CHANGE_TRIES = 100;

/** SQLite's answer that the schema changed again while it compiled a statement against a fresh read of it. */
function isSchemaChanged(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_SCHEMA';
}

function triedThroughSchemaChanges<T>(run: () => T): T {
  for (let tries = 1; ; tries++) {
    try {
      return run();
    } catch (error) {
      if (!isSchemaChanged(error) || tries >= SCHEMA_CHANGE_TRIES) throw error;
    }
  }
}

/** The connection's `prepare`, tried again while another connection's schema changes keep it from compiling. */
function compilingThroughSchemaChanges(db: Db): void {
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => triedThroughSchemaChanges(() => prepare(source))) as Db['prepare'];
}

export interface OpenDatabaseOptions {
  /** The wait for a write lock while `prepare` runs (default OPEN_BUSY_WAIT_MS). */
  openBusyWaitMs?: number;
  /** The wait for a write lock once the file is open (default BUSY_WAIT_MS). */
  busyWaitMs?: number;
}

/**
 * Opens (creating if absent) a SQLite file and runs `prepare` (pragmas, schema) on it. Any failure
 * — not a database, a malformed or truncated image, a file it may not write — becomes a
 * DatabaseFileError naming the file with SQLite's own message. `prepare` runs again, whole, when
 * another connection's schema change kept one of its statements from compiling: it must be
 * idempotent, as a migration run at every start already is. The connection's statements compile
 * through such changes too (see SCHEMA_CHANGE_TRIES).
 */
export function openDatabase(file: string, prepare: (db: Db) => void, options: OpenDatabaseOptions = {}): Db {
  let db: Db | null = null;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    // Set before the first statement: switching a new file to WAL takes a lock too.
    db = new Database(file, { timeout: options.openBusyWaitMs ?? OPEN_BUSY_WAIT_MS });
    compilingThroughSchemaChanges(db);
    const opened = db;
    triedThroughSchemaChanges(() => prepare(opened));
    if (file !== ':memory:') assertNotTruncated(db, file);
    db.pragma(`busy_timeout = ${options.busyWaitMs ?? BUSY_WAIT_MS}`);
    return db;
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Closing a connection to a broken file may fail too; the first error is the one to report.
    }
    throw openDatabaseFailure(file, error);
  }
}

/** SQLite's error about a file, as a DatabaseFileError naming it (other errors pass through unchanged). */
export function openDatabaseFailure(file: string, error: unknown): Error {
  if (error instanceof DatabaseFileError) return error;
  // Checked by shape, not instanceof: the native module's error class may come from another realm (a test VM).
  const { name, message, code } = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown };
  if (name !== 'SqliteError') return error instanceof Error ? error : new Error(String(error));
  return new DatabaseFileError(file, typeof message === 'string' ? message : String(error), typeof code === 'string' ? code : null);
}

/**
 * A file cut short keeps a valid header, and SQLite only notices when it reads a missing page —
 * maybe hours later. The header records the database's size: a file shorter than that (with no
 * write-ahead log that could hold the rest) lost its end. Checking every page would cost seconds
 * on a city's history at each start; this costs nothing.
 */
function assertNotTruncated(db: Db, file: string): void {
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const actual = statSync(file).size;
  if (actual < pages * pageSize) {
    throw new DatabaseFileError(file, `database disk image is truncated (${actual} bytes, its header says ${pages * pageSize})`, 'SQLITE_CORRUPT');
  }
}
