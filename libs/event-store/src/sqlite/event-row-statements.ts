import type { Database as Db, Statement } from 'better-sqlite3';
import { NO_REVISION } from '../event-envelope';
import { EVENT_COLUMN_LIST, EVENT_COLUMNS, EventRow } from './sqlite-schema';

/** Ids per lookup; a lookup's statement is prepared for the next power of two, padded with the last id. */
export const IDS_PER_LOOKUP = 512;

/**
 * One event row's INSERT. A row at a time on purpose: SQLite gives a statement that may write
 * several rows a statement journal (the original of every page it changes, in a temporary file, so
 * a failure halfway can undo that statement alone), and a single-row INSERT none — it checks its
 * constraints before it writes. A batch of 100 events as one multi-row INSERT ran at 0.68× of raw
 * SQLite's row-by-row inserts; row by row at 0.80×.
 */
const INSERT_EVENT_ROW = `INSERT INTO events (${EVENT_COLUMN_LIST}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`;

/**
 * Writes and finds event rows for a group commit: its n events' ids found in one `event_id IN (...)`
 * lookup and its streams' revisions in one look-up, not n of each; its rows inserted one prepared
 * statement run each (see INSERT_EVENT_ROW).
 */
export class EventRowStatements {
  private readonly insertRow: Statement<unknown[]>;
  private readonly lookups = new Map<number, Statement<string[], EventRow>>();
  private readonly revisionOf: Statement<[string], number | null>;
  /** One statement for any number of streams: each stream's max is read off the (stream_id, stream_revision) index. */
  private readonly revisionsOf: Statement<[string], [string, number | null]>;

  constructor(private readonly db: Db) {
    this.insertRow = db.prepare(INSERT_EVENT_ROW);
    this.revisionOf = db.prepare<[string], number | null>('SELECT max(stream_revision) FROM events WHERE stream_id = ?').pluck();
    this.revisionsOf = db
      .prepare<[string], [string, number | null]>('SELECT value, (SELECT max(stream_revision) FROM events WHERE stream_id = value) FROM json_each(?)')
      .raw();
  }

  insert(rows: readonly EventRow[]): void {
    for (const r of rows) this.insertRow.run(EVENT_COLUMNS.map((c) => r[c]));
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

  private lookupOf(ids: number): Statement<string[], EventRow> {
    let stmt = this.lookups.get(ids);
    if (!stmt) {
      stmt = this.db.prepare<string[], EventRow>(`SELECT * FROM events WHERE event_id IN (${Array(ids).fill('?').join(', ')})`);
      this.lookups.set(ids, stmt);
    }
    return stmt;
  }
}
