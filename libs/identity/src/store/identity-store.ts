import type { Database as Db } from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { openDatabase } from '@platform/event-store';

export interface RefreshTokenRow {
  token_hash: string;
  user_id: string;
  issued_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface SecurityLogEntry {
  readonly id: number;
  readonly at: string;
  readonly kind: string;
  readonly userId: string | null;
  readonly username: string | null;
  readonly ip: string | null;
  readonly detail: Record<string, unknown>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Secrets live beside, not inside, the event store: password hashes and refresh tokens must be
 * replaceable and revocable, which an append-only history cannot be. Only their life events
 * (PasswordSet, sign-ins, revocations) are recorded — there and in the security log.
 */
export class IdentityStore {
  readonly db: Db;
  // Prepared once: refusals are logged and refresh tokens looked up on request paths.
  private readonly stmt: ReturnType<typeof prepareStatements>;

  constructor(file: string) {
    this.db = openDatabase(file, (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 10000');
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
  }

  passwordHash(userId: string): string | null {
    return this.stmt.passwordHash.get(userId)?.hash ?? null;
  }

  setPasswordHash(userId: string, hash: string, at: string): void {
    this.stmt.setPasswordHash.run(userId, hash, at);
  }

  /** A stored random secret, created once: tokens stay valid across restarts. */
  secret(name: string): string {
    const row = this.stmt.secret.get(name);
    if (row) return row.value;
    this.stmt.insertSecret.run(name, randomBytes(48).toString('base64url'));
    return this.secret(name);
  }

  issueRefreshToken(userId: string, issuedAt: Date, seconds: number): string {
    const token = randomBytes(32).toString('base64url');
    this.stmt.issueRefreshToken.run(sha256(token), userId, issuedAt.toISOString(), new Date(issuedAt.getTime() + seconds * 1000).toISOString());
    return token;
  }

  refreshToken(token: string): RefreshTokenRow | undefined {
    return this.stmt.refreshToken.get(sha256(token));
  }

  /** Revokes one token; true when it was live until now (a second revocation is a no-op). */
  revokeRefreshToken(token: string, at: string, reason: string): boolean {
    return this.stmt.revokeRefreshToken.run(at, reason, sha256(token)).changes === 1;
  }

  revokeAllForUser(userId: string, at: string, reason: string): number {
    return this.stmt.revokeAllForUser.run(at, reason, userId).changes;
  }

  /** Access tokens carry the version current when they were issued; raising it revokes every one issued before. */
  tokenVersion(userId: string): number {
    return this.stmt.tokenVersion.get(userId)?.version ?? 0;
  }

  raiseTokenVersion(userId: string): number {
    return this.stmt.raiseTokenVersion.get(userId)!.version;
  }

  log(entry: Omit<SecurityLogEntry, 'id'>): void {
    this.stmt.log.run(entry.at, entry.kind, entry.userId, entry.username, entry.ip, JSON.stringify(entry.detail));
  }

  securityLog(options: { after?: number; limit?: number; kind?: string }): SecurityLogEntry[] {
    const rows = this.stmt.securityLog.all(options.after ?? 0, options.kind ?? null, options.kind ?? null, options.limit ?? 100);
    return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, userId: r.user_id, username: r.username, ip: r.ip, detail: JSON.parse(r.detail) }));
  }

  close(): void {
    this.db.close();
  }
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
