import { Database as Db, Statement } from 'better-sqlite3';
import { openDatabase } from '../sqlite/open-database';
import { Checkpoint } from './checkpoint';

/** Why a checkpoint was issued: on schedule, at start, or for a document that leaves the system. */
export type CheckpointReason = 'start' | 'interval' | 'notice' | 'export';

export interface IssuedCheckpoint extends Checkpoint {
  readonly id: number;
  readonly reason: CheckpointReason;
  /** The notice id or export name it was printed on. */
  readonly ref: string | null;
}

interface Row {
  id: number;
  position: number;
  hash: string;
  issued_at: string;
  key_id: string;
  signature: string;
  reason: CheckpointReason;
  ref: string | null;
}

const toCheckpoint = (r: Row): IssuedCheckpoint => ({
  id: r.id,
  position: r.position,
  hash: r.hash,
  issuedAt: r.issued_at,
  keyId: r.key_id,
  signature: r.signature,
  reason: r.reason,
  ref: r.ref,
});

/**
 * Issued checkpoints, in their own database file beside the event store: rewriting events.sqlite
 * leaves them standing, and without the signing key none can be forged to match a rewrite.
 * Deleting this file loses only the platform's own copy; the printed ones stay valid witnesses.
 */
export class SqliteCheckpointLog {
  private readonly db: Db;
  private readonly stmt: {
    insert: Statement<Omit<Row, 'id'>>;
    latest: Statement<[], Row>;
    page: Statement<[number, number], Row>;
    byRef: Statement<[string, string], Row>;
    all: Statement<[], Row>;
    count: Statement<[], { n: number }>;
  };

  constructor(file: string) {
    this.db = openDatabase(file, (db) => {
      // NORMAL, not FULL: a power cut may lose the last checkpoints issued, which costs nothing that
      // matters — the copies printed on documents verify on their own — and saves an fsync per checkpoint.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(`
        CREATE TABLE IF NOT EXISTS audit_checkpoints (
          id        INTEGER PRIMARY KEY,
          position  INTEGER NOT NULL,
          hash      TEXT    NOT NULL,
          issued_at TEXT    NOT NULL,
          key_id    TEXT    NOT NULL,
          signature TEXT    NOT NULL,
          reason    TEXT    NOT NULL,
          ref       TEXT
        );
        CREATE INDEX IF NOT EXISTS audit_checkpoints_by_ref ON audit_checkpoints (reason, ref) WHERE ref IS NOT NULL;
      `);
    });
    this.stmt = {
      insert: this.db.prepare(
        `INSERT INTO audit_checkpoints (position, hash, issued_at, key_id, signature, reason, ref)
         VALUES (@position, @hash, @issued_at, @key_id, @signature, @reason, @ref)`,
      ),
      latest: this.db.prepare('SELECT * FROM audit_checkpoints ORDER BY id DESC LIMIT 1'),
      page: this.db.prepare('SELECT * FROM audit_checkpoints WHERE id < ? ORDER BY id DESC LIMIT ?'),
      byRef: this.db.prepare('SELECT * FROM audit_checkpoints WHERE reason = ? AND ref = ? ORDER BY id LIMIT 1'),
      all: this.db.prepare('SELECT * FROM audit_checkpoints ORDER BY position, id'),
      count: this.db.prepare('SELECT count(*) AS n FROM audit_checkpoints'),
    };
  }

  add(c: Checkpoint, reason: CheckpointReason, ref: string | null): IssuedCheckpoint {
    const row = { position: c.position, hash: c.hash, issued_at: c.issuedAt, key_id: c.keyId, signature: c.signature, reason, ref };
    const { lastInsertRowid } = this.stmt.insert.run(row);
    return toCheckpoint({ ...row, id: Number(lastInsertRowid) });
  }

  latest(): IssuedCheckpoint | null {
    const r = this.stmt.latest.get();
    return r ? toCheckpoint(r) : null;
  }

  /** Newest first; `before` is the id to continue below (keyset paging). */
  page(before: number | undefined, limit: number): IssuedCheckpoint[] {
    return this.stmt.page.all(before ?? Number.MAX_SAFE_INTEGER, limit).map(toCheckpoint);
  }

  forRef(reason: CheckpointReason, ref: string): IssuedCheckpoint | null {
    const r = this.stmt.byRef.get(reason, ref);
    return r ? toCheckpoint(r) : null;
  }

  all(): IssuedCheckpoint[] {
    return this.stmt.all.all().map(toCheckpoint);
  }

  count(): number {
    return this.stmt.count.get()?.n ?? 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
