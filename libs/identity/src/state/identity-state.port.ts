/**
 * What the identity context keeps beside, not inside, the event store: password hashes and
 * refresh tokens must be replaceable and revocable, which an append-only history cannot be. Only
 * their life events (PasswordSet, sign-ins, revocations) are recorded — there and in the security
 * log. Every API replica must see the same state, so it sits behind this port: the embedded file
 * in DATA_DIR, or MongoDB when replicas run apart (SHARED_STATE).
 */
export const IDENTITY_STATE = Symbol('IDENTITY_STATE');

export interface RefreshTokenRecord {
  readonly userId: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly revokedReason: string | null;
}

/**
 * The outcome of presenting a refresh token for rotation, decided in one atomic step: at most one
 * presenter of a live token rotates it and receives its successor; any other presentation is a
 * reuse, and every live token of the user (the family the token belongs to) is revoked — the
 * successor too, even when the rotating request has not stored it yet.
 */
export type Rotation =
  | { readonly outcome: 'rotated'; readonly token: RefreshTokenRecord; readonly successor: string }
  | { readonly outcome: 'reused'; readonly userId: string; readonly revokedTokens: number }
  | { readonly outcome: 'unknown' };

export interface SecurityLogEntry {
  readonly id: number;
  readonly at: string;
  readonly kind: string;
  readonly userId: string | null;
  readonly username: string | null;
  readonly ip: string | null;
  readonly detail: Record<string, unknown>;
}

export interface CredentialStore {
  passwordHash(userId: string): Promise<string | null>;
  setPasswordHash(userId: string, hash: string, at: string): Promise<void>;
}

export interface RefreshTokenStore {
  /** A new random token; only its SHA-256 is kept. */
  issueRefreshToken(userId: string, issuedAt: Date, seconds: number): Promise<string>;
  refreshToken(token: string): Promise<RefreshTokenRecord | null>;
  /** Revokes a live token and issues its successor (valid `seconds` from `at`), or detects a reuse. */
  rotateRefreshToken(token: string, at: Date, seconds: number): Promise<Rotation>;
  /** Revokes one token; true when it was live until now (a second revocation is a no-op). */
  revokeRefreshToken(token: string, at: string, reason: string): Promise<boolean>;
  revokeAllForUser(userId: string, at: string, reason: string): Promise<number>;
  /** Access tokens carry the version current when they were issued; raising it revokes every one issued before. */
  tokenVersion(userId: string): Promise<number>;
  raiseTokenVersion(userId: string): Promise<number>;
}

export interface SecurityLogStore {
  appendSecurityLog(entry: Omit<SecurityLogEntry, 'id'>): Promise<void>;
  /** Entries after the id `after`, oldest first; ids rise in the order entries were numbered. */
  securityLog(options: { after?: number; limit?: number; kind?: string }): Promise<SecurityLogEntry[]>;
}

export interface IdentityState extends CredentialStore, RefreshTokenStore, SecurityLogStore {
  /** A stored random secret, created once by whichever replica asks first: tokens stay valid across restarts. */
  secret(name: string): Promise<string>;
  close(): Promise<void>;
}
