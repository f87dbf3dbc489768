import type { Database as Db, Statement } from 'better-sqlite3';
import { NO_REVISION } from '../event-envelope';
import { EVENT_COLUMN_LIST, EVENT_COLUMNS, EventRow } from './sqlite-schema';

/**
 * Rows per INSERT: 1,300 bound values, far below the bundled SQLite's limit of 32,766, and one
 * statement per row count kept (at most this many).
 */
export const ROWS_PER_INSERT = 100;

/** Ids per lookup; a lookup's statement is prepared for the next power of two, padded with the last id. */
const IDS_PER_LOOKUP = 512;

/**
 * Writes and finds event rows many at a time: a group commit of n events is one multi-row INSERT,
 * one `event_id IN (...)` lookup and one look-up of its streams' revisions, not n of each, so it
 * crosses into SQLite a few times instead of per row.
 */
export class EventRowStatements {
  private readonly inserts = new Map<number, Statement<unknown[]>>();
  private readonly lookups = new Map<number, Statement<string[], EventRow>>();
  private readonly revisionOf: Statement<[string], number | null>;
  /** One statement for any number of streams: each stream's max is read off the (stream_id, stream_revision) index. */
  private readonly revisionsOf: Statement<[string], [string, number | null]>;

  constructor(private readonly db: Db) {
    this.revisionOf = db.prepare<[string], number | null>('SELECT max(stream_revision) FROM events WHERE stream_id = ?').pluck();
    this.revisionsOf = db
      .prepare<[string], [string, number | null]>('SELECT value, (SELECT max(stream_revision) FROM events WHERE stream_id = value) FROM json_each(?)')
      .raw();
  }

  insert(rows: readonly EventRow[]): void {
    for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
      const chunk = rows.slice(from, from + ROWS_PER_INSERT);
      const values: unknown[] = [];
      for (const r of chunk) for (const c of EVENT_COLUMNS) values.push(r[c]);
      this.insertOf(chunk.length).run(values);
    }
  }

  /** The stored rows of these event ids, by id (ids not stored are absent). */
  byEventIds(ids: readonly string[]): Map<string, EventRow> {
    const found = new Map<string, EventRow>();
    for (let from = 0; from < ids.length; from += IDS_PER_LOOKUP) {
      const chunk = ids.slice(from, from + IDS_PER_LOOKUP);
      const size = 2 ** Math.ceil(Math.log2(chunk.length));
      const padded = chunk.concat(Array<string>(size - chunk.length).fill(chunk[chunk.length - 1]));
      for (const r of this.lookupOf(size).all(...padded)) found.set(r.event_id, r);
    }
    return found;
  }

  /** A stream's last revision, NO_REVISION when it has no events. */
  revision(streamId: string): number {
    return this.revisionOf.get(streamId) ?? NO_REVISION;
  }

  /** The last revision of each of these streams that has events (the others are absent). */
  revisions(streamIds: readonly string[]): Map<string, number> {
    const revisions = new Map<string, number>();
    if (streamIds.length === 1) {
      const rev = this.revision(streamIds[0]);
      if (rev !== NO_REVISION) revisions.set(streamIds[0], rev);
      return revisions;
    }
    for (const [streamId, rev] of this.revisionsOf.all(JSON.stringify(streamIds))) if (rev !== null) revisions.set(streamId, rev);
    return revisions;
  }

  private insertOf(rows: number): Statement<unknown[]> {
    let stmt = this.inserts.get(rows);
    if (!stmt) {
      const tuple = `(${EVENT_COLUMNS.map(() => '?').join(', ')})`;
      stmt = this.db.prepare(`INSERT INTO events (${EVENT_COLUMN_LIST}) VALUES ${Array(rows).fill(tuple).join(', ')}`);
      this.inserts.set(rows, stmt);
    }
    return stmt;
  }

  private lookupOf(ids: number): Statement<string[], EventRow> {
    let stmt = this.lookups.get(ids);
    if (!stmt) {
      stmt = this.db.prepare<string[], EventRow>(`SELECT * FROM events WHERE event_id IN (${Array(ids).fill('?').join(', ')})`);
      this.lookups.set(ids, stmt);
    }
    return stmt;
  }
}
