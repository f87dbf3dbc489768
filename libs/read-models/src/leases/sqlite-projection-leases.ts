import { isBusy } from '@platform/event-store';
import type { Database as Db, Statement } from 'better-sqlite3';
import { HoldAnswer, HoldRequest, ProjectionLease, ProjectionLeases } from './projection-leases.port';

interface LeaseRow {
  projection: string;
  owner: string;
  expires_at: number;
  renewed_at: string;
  report: string | null;
}

/**
 * Leases in the embedded read store's database, a table beside projection_checkpoints. Taking or
 * renewing one is a read and a write in one IMMEDIATE transaction, so two processes on the same
 * file never both win it.
 */
export class SqliteProjectionLeases implements ProjectionLeases {
  private readonly stmt: {
    get: Statement<[string], LeaseRow>;
    all: Statement<[], LeaseRow>;
    save: Statement<[string, string, number, string, string | null]>;
    release: Statement<[number, string, string]>;
  };

  constructor(private readonly db: Db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS projection_leases (
        projection TEXT    PRIMARY KEY,
        owner      TEXT    NOT NULL,
        expires_at INTEGER NOT NULL, -- epoch ms
        renewed_at TEXT    NOT NULL,
        report     TEXT             -- JSON: the owner's last status of the projection
      )
    `);
    this.stmt = {
      get: db.prepare('SELECT * FROM projection_leases WHERE projection = ?'),
      all: db.prepare('SELECT * FROM projection_leases ORDER BY projection'),
      save: db.prepare(
        `INSERT INTO projection_leases (projection, owner, expires_at, renewed_at, report) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(projection) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at,
           renewed_at = excluded.renewed_at, report = excluded.report`,
      ),
      release: db.prepare('UPDATE projection_leases SET expires_at = ? WHERE projection = ? AND owner = ?'),
    };
  }

  async hold(request: HoldRequest): Promise<HoldAnswer> {
    if (request.wait !== false) return this.holdNow(request);
    const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      return this.holdNow(request);
    } catch (error) {
      if (isBusy(error)) return { held: false, lease: null, busy: true };
      throw error;
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  private holdNow(request: HoldRequest): HoldAnswer {
    const { projection, owner, ttlMs, now, takeFrom } = request;
    return this.db
      .transaction(() => {
        const row = this.stmt.get.get(projection);
        const free = !row || row.owner === owner || row.expires_at <= now.getTime() || (takeFrom !== undefined && row.owner === takeFrom);
        if (!free) return { held: false, lease: toLease(row) };
        const report = request.report === undefined ? (row?.report ?? null) : request.report && JSON.stringify(request.report);
        this.stmt.save.run(projection, owner, now.getTime() + ttlMs, now.toISOString(), report);
        return { held: true, lease: toLease(this.stmt.get.get(projection)!) };
      })
      .immediate();
  }

  async release(projection: string, owner: string, now: Date): Promise<void> {
    this.stmt.release.run(now.getTime(), projection, owner);
  }

  async leases(): Promise<ProjectionLease[]> {
    return this.stmt.all.all().map(toLease);
  }
}

function toLease(row: LeaseRow): ProjectionLease {
  return {
    projection: row.projection,
    owner: row.owner,
    expiresAt: new Date(row.expires_at).toISOString(),
    renewedAt: row.renewed_at,
    report: row.report ? JSON.parse(row.report) : null,
  };
}
