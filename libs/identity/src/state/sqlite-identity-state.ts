import type { Database as Db } from 'better-sqlite3';
import { openDatabase, OtherWriters } from '@platform/event-store';
import { IdentityState, RefreshTokenRecord, Rotation, SecurityLogEntry } from './identity-state.port';
import { newRefreshToken, newSecret, tokenHash } from './random-secrets';

/** Token versions kept in memory at most (one per user who signed in); beyond, they are read again. */
const MAX_KEPT_VERSIONS = 100_000;

interface RefreshTokenRow {
  token_hash: string;
  user_id: string;
  issued_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

/**
 * The embedded identity state, DATA_DIR/identity.sqlite. Its statements run synchronously, so a
 * method's work is done before its promise is returned; the processes of one machine share the
 * file (WAL). Rotation is one immediate transaction: the conditional revocation and, for a reuse,
 * the family's revocation commit together.
 */
export class SqliteIdentityState implements IdentityState {
  readonly db: Db;
  // Prepared once: refusals are logged and refresh tokens looked up on request paths.
  private readonly stmt: ReturnType<typeof prepareStatements>;
  private readonly rotate: (token: string, at: Date, seconds: number) => Rotation;
  /**
   * Token versions read, asked of on every authenticated request: kept until another connection
   * writes the file (another process, or another state of this one, may have raised one).
   */
  private readonly versions = new Map<string, number>();
  private readonly otherWriters: OtherWriters;

  constructor(file: string) {
    this.db = openDatabase(file, (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(`
      CREATE TABLE IF NOT EXISTS credentials (user_id TEXT PRIMARY KEY, hash TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS refresh_tokens (
        token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, issued_at TEXT NOT NULL, expires_at TEXT NOT NULL,
        revoked_at TEXT, revoked_reason TEXT);
      CREATE INDEX IF NOT EXISTS refresh_tokens_by_user ON refresh_tokens (user_id);
      CREATE TABLE IF NOT EXISTS security_log (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, user_id TEXT, username TEXT, ip TEXT, detail TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS token_versions (user_id TEXT PRIMARY KEY, version INTEGER NOT NULL);
    `);
    });
    this.stmt = prepareStatements(this.db);
    const rotate = this.db.transaction((token: string, at: Date, seconds: number): Rotation => {
      const hash = tokenHash(token);
      if (this.stmt.revokeRefreshToken.run(at.toISOString(), 'rotated', hash).changes === 1) {
        const row = this.stmt.refreshToken.get(hash)!;
        return { outcome: 'rotated', token: toRecord(row), successor: this.insertRefreshToken(row.user_id, at, seconds) };
      }
      const row = this.stmt.refreshToken.get(hash);
      if (!row) return { outcome: 'unknown' };
      return { outcome: 'reused', userId: row.user_id, revokedTokens: this.stmt.revokeAllForUser.run(at.toISOString(), 'reuse_detected', row.user_id).changes };
    });
    this.rotate = (token, at, seconds) => rotate.immediate(token, at, seconds);
    this.otherWriters = new OtherWriters(this.db, file);
  }

  async passwordHash(userId: string): Promise<string | null> {
    return this.stmt.passwordHash.get(userId)?.hash ?? null;
  }

  async setPasswordHash(userId: string, hash: string, at: string): Promise<void> {
    this.stmt.setPasswordHash.run(userId, hash, at);
  }

  async secret(name: string): Promise<string> {
    this.stmt.insertSecret.run(name, newSecret());
    return this.stmt.secret.get(name)!.value;
  }

  async issueRefreshToken(userId: string, issuedAt: Date, seconds: number): Promise<string> {
    return this.insertRefreshToken(userId, issuedAt, seconds);
  }

  async refreshToken(token: string): Promise<RefreshTokenRecord | null> {
    const row = this.stmt.refreshToken.get(tokenHash(token));
    return row ? toRecord(row) : null;
  }

  async rotateRefreshToken(token: string, at: Date, seconds: number): Promise<Rotation> {
    return this.rotate(token, at, seconds);
  }

  async revokeRefreshToken(token: string, at: string, reason: string): Promise<boolean> {
    return this.stmt.revokeRefreshToken.run(at, reason, tokenHash(token)).changes === 1;
  }

  async revokeAllForUser(userId: string, at: string, reason: string): Promise<number> {
    return this.stmt.revokeAllForUser.run(at, reason, userId).changes;
  }

  async tokenVersion(userId: string): Promise<number> {
    if (this.otherWriters.wroteSince() || this.versions.size > MAX_KEPT_VERSIONS) this.versions.clear();
    let version = this.versions.get(userId);
    if (version === undefined) {
      version = this.stmt.tokenVersion.get(userId)?.version ?? 0;
      this.versions.set(userId, version);
    }
    return version;
  }

  async raiseTokenVersion(userId: string): Promise<number> {
    const version = this.stmt.raiseTokenVersion.get(userId)!.version;
    this.versions.set(userId, version);
    this.otherWriters.wrote();
    return version;
  }

  async appendSecurityLog(entry: Omit<SecurityLogEntry, 'id'>): Promise<void> {
    this.stmt.log.run(entry.at, entry.kind, entry.userId, entry.username, entry.ip, JSON.stringify(entry.detail));
  }

  async securityLog(options: { after?: number; limit?: number; kind?: string }): Promise<SecurityLogEntry[]> {
    const rows = this.stmt.securityLog.all(options.after ?? 0, options.kind ?? null, options.kind ?? null, options.limit ?? 100);
    return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, userId: r.user_id, username: r.username, ip: r.ip, detail: JSON.parse(r.detail) }));
  }

  async close(): Promise<void> {
    this.otherWriters.close();
    this.db.close();
  }

  private insertRefreshToken(userId: string, issuedAt: Date, seconds: number): string {
    const token = newRefreshToken();
    this.stmt.issueRefreshToken.run(tokenHash(token), userId, issuedAt.toISOString(), new Date(issuedAt.getTime() + seconds * 1000).toISOString());
    return token;
  }
}

function toRecord(row: RefreshTokenRow): RefreshTokenRecord {
  return { userId: row.user_id, issuedAt: row.issued_at, expiresAt: row.expires_at, revokedAt: row.revoked_at, revokedReason: row.revoked_reason };
}

function prepareStatements(db: Db) {
  return {
    passwordHash: db.prepare<[string], { hash: string }>('SELECT hash FROM credentials WHERE user_id = ?'),
    setPasswordHash: db.prepare<[string, string, string]>(
      `INSERT INTO credentials (user_id, hash, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(user_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at`,
    ),
    secret: db.prepare<[string], { value: string }>('SELECT value FROM secrets WHERE name = ?'),
    insertSecret: db.prepare<[string, string]>('INSERT OR IGNORE INTO secrets (name, value) VALUES (?, ?)'),
    issueRefreshToken: db.prepare<[string, string, string, string]>(
      'INSERT INTO refresh_tokens (token_hash, user_id, issued_at, expires_at) VALUES (?, ?, ?, ?)',
    ),
    refreshToken: db.prepare<[string], RefreshTokenRow>('SELECT * FROM refresh_tokens WHERE token_hash = ?'),
    revokeRefreshToken: db.prepare<[string, string, string]>(
      'UPDATE refresh_tokens SET revoked_at = ?, revoked_reason = ? WHERE token_hash = ? AND revoked_at IS NULL',
    ),
    revokeAllForUser: db.prepare<[string, string, string]>(
      'UPDATE refresh_tokens SET revoked_at = ?, revoked_reason = ? WHERE user_id = ? AND revoked_at IS NULL',
    ),
    tokenVersion: db.prepare<[string], { version: number }>('SELECT version FROM token_versions WHERE user_id = ?'),
    raiseTokenVersion: db.prepare<[string], { version: number }>(
      `INSERT INTO token_versions (user_id, version) VALUES (?, 1)
       ON CONFLICT(user_id) DO UPDATE SET version = version + 1 RETURNING version`,
    ),
    log: db.prepare<[string, string, string | null, string | null, string | null, string]>(
      'INSERT INTO security_log (at, kind, user_id, username, ip, detail) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    securityLog: db.prepare<
      [number, string | null, string | null, number],
      { id: number; at: string; kind: string; user_id: string | null; username: string | null; ip: string | null; detail: string }
    >('SELECT * FROM security_log WHERE id > ? AND (? IS NULL OR kind = ?) ORDER BY id LIMIT ?'),
  };
}
