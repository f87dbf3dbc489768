import type { Connection, mongo } from 'mongoose';
import { IdentityState, RefreshTokenRecord, Rotation, SecurityLogEntry } from './identity-state.port';
import { newRefreshToken, newSecret, tokenHash } from './random-secrets';

interface CredentialDoc { _id: string; hash: string; updatedAt: string }
interface RefreshTokenDoc extends RefreshTokenRecord {
  _id: string;
  /** The hash of the token that replaced this one, set when it is rotated. */
  successor?: string;
}
interface SecurityLogDoc extends Omit<SecurityLogEntry, 'id'> { _id: number }
interface CounterDoc { _id: string; value: number }
interface SecretDoc { _id: string; value: string }

const DUPLICATE_KEY = 11000;
const isDuplicateKey = (error: unknown) => (error as { code?: unknown }).code === DUPLICATE_KEY;

/**
 * The identity state in MongoDB, shared by every API replica. Each decision is one conditional
 * write on one document: a refresh token is rotated by `findOneAndUpdate` matching it only while
 * `revokedAt` is null, which also records the hash of its successor; so of two replicas presented
 * the same token at most one rotates it, and the other sees a reuse and revokes the family
 * (`updateMany` over the user's live tokens, and the successor by its recorded hash: revoked if
 * stored already, else stored revoked first, so the rotating replica's insert collides and it
 * reports the reuse too). Token versions and security-log numbers are `$inc` on a counter document.
 */
export class MongoIdentityState implements IdentityState {
  private readonly credentials: mongo.Collection<CredentialDoc>;
  private readonly tokens: mongo.Collection<RefreshTokenDoc>;
  private readonly log: mongo.Collection<SecurityLogDoc>;
  private readonly counters: mongo.Collection<CounterDoc>;
  private readonly secrets: mongo.Collection<SecretDoc>;
  private indexed: Promise<unknown> | null = null;

  constructor(private readonly connection: Connection, private readonly ownsConnection = false) {
    const db = connection.db;
    if (!db) throw new Error('mongo identity state needs an open connection');
    this.credentials = db.collection('identity_credentials');
    this.tokens = db.collection('identity_refresh_tokens');
    this.log = db.collection('identity_security_log');
    this.counters = db.collection('identity_counters');
    this.secrets = db.collection('identity_secrets');
  }

  static async connect(options: { url: string; dbName?: string }): Promise<MongoIdentityState> {
    const { createConnection } = await import('mongoose');
    const connection = createConnection(options.url, { dbName: options.dbName, serverSelectionTimeoutMS: 10_000 });
    return new MongoIdentityState(await connection.asPromise(), true);
  }

  async passwordHash(userId: string): Promise<string | null> {
    return (await this.credentials.findOne({ _id: userId }))?.hash ?? null;
  }

  async setPasswordHash(userId: string, hash: string, at: string): Promise<void> {
    await this.credentials.updateOne({ _id: userId }, { $set: { hash, updatedAt: at } }, { upsert: true });
  }

  async secret(name: string): Promise<string> {
    try {
      await this.secrets.insertOne({ _id: name, value: newSecret() });
    } catch (error) {
      // Another replica (or an earlier start) created it: every replica uses the first one.
      if (!isDuplicateKey(error)) throw error;
    }
    return (await this.secrets.findOne({ _id: name }))!.value;
  }

  async issueRefreshToken(userId: string, issuedAt: Date, seconds: number): Promise<string> {
    const token = newRefreshToken();
    await this.insertRefreshToken(tokenHash(token), userId, issuedAt, seconds);
    return token;
  }

  async refreshToken(token: string): Promise<RefreshTokenRecord | null> {
    const doc = await this.tokens.findOne({ _id: tokenHash(token) });
    return doc ? toRecord(doc) : null;
  }

  async rotateRefreshToken(token: string, at: Date, seconds: number): Promise<Rotation> {
    const hash = tokenHash(token);
    const successor = newRefreshToken();
    const rotated = await this.tokens.findOneAndUpdate(
      { _id: hash, revokedAt: null },
      { $set: { revokedAt: at.toISOString(), revokedReason: 'rotated', successor: tokenHash(successor) } },
      { returnDocument: 'after' },
    );
    if (rotated) {
      try {
        await this.insertRefreshToken(tokenHash(successor), rotated.userId, at, seconds);
        return { outcome: 'rotated', token: toRecord(rotated), successor };
      } catch (error) {
        // A reuse of the presented token got here first and stored the successor revoked.
        if (!isDuplicateKey(error)) throw error;
        return { outcome: 'reused', userId: rotated.userId, revokedTokens: 0 };
      }
    }
    const presented = await this.tokens.findOne({ _id: hash });
    if (!presented) return { outcome: 'unknown' };
    const revoked = await this.revokeAllForUser(presented.userId, at.toISOString(), 'reuse_detected');
    return { outcome: 'reused', userId: presented.userId, revokedTokens: revoked + (await this.revokeSuccessor(presented, at)) };
  }

  async revokeRefreshToken(token: string, at: string, reason: string): Promise<boolean> {
    const result = await this.tokens.updateOne({ _id: tokenHash(token), revokedAt: null }, { $set: { revokedAt: at, revokedReason: reason } });
    return result.matchedCount === 1;
  }

  async revokeAllForUser(userId: string, at: string, reason: string): Promise<number> {
    const result = await this.tokens.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: at, revokedReason: reason } });
    return result.modifiedCount;
  }

  async tokenVersion(userId: string): Promise<number> {
    return (await this.counters.findOne({ _id: `token_version:${userId}` }))?.value ?? 0;
  }

  async raiseTokenVersion(userId: string): Promise<number> {
    return this.next(`token_version:${userId}`);
  }

  async appendSecurityLog(entry: Omit<SecurityLogEntry, 'id'>): Promise<void> {
    await this.ensureIndexes();
    await this.log.insertOne({ _id: await this.next('security_log'), ...entry });
  }

  async securityLog(options: { after?: number; limit?: number; kind?: string }): Promise<SecurityLogEntry[]> {
    const filter: mongo.Filter<SecurityLogDoc> = { _id: { $gt: options.after ?? 0 }, ...(options.kind ? { kind: options.kind } : {}) };
    const docs = await this.log.find(filter).sort({ _id: 1 }).limit(options.limit ?? 100).toArray();
    return docs.map(({ _id, at, kind, userId, username, ip, detail }) => ({ id: _id, at, kind, userId, username, ip, detail }));
  }

  /** For test databases only. */
  async dropDatabase(): Promise<void> {
    await this.connection.dropDatabase();
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.connection.close();
  }

  private async insertRefreshToken(hash: string, userId: string, issuedAt: Date, seconds: number): Promise<void> {
    await this.ensureIndexes();
    const expiresAt = new Date(issuedAt.getTime() + seconds * 1000).toISOString();
    await this.tokens.insertOne({ _id: hash, userId, issuedAt: issuedAt.toISOString(), expiresAt, revokedAt: null, revokedReason: null });
  }

  /** The successor of a reused token, revoked whether or not its rotation has stored it yet; 1 when it was live or absent. */
  private async revokeSuccessor(presented: RefreshTokenDoc, at: Date): Promise<number> {
    if (!presented.successor) return 0;
    const revoked = { revokedAt: at.toISOString(), revokedReason: 'reuse_detected' };
    try {
      await this.tokens.insertOne({ _id: presented.successor, userId: presented.userId, issuedAt: at.toISOString(), expiresAt: at.toISOString(), ...revoked });
      return 1;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // The filter admits only a live successor, so matched means revoked now.
      return (await this.tokens.updateOne({ _id: presented.successor, revokedAt: null }, { $set: revoked })).matchedCount;
    }
  }

  /** The counter's next value; the first upsert of a counter may race another replica's, so a collision retries. */
  private async next(counter: string): Promise<number> {
    for (;;) {
      try {
        const doc = await this.counters.findOneAndUpdate({ _id: counter }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' });
        return doc!.value;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  private ensureIndexes(): Promise<unknown> {
    this.indexed ??= Promise.all([
      this.tokens.createIndex({ userId: 1, revokedAt: 1 }, { name: 'by_user' }),
      this.log.createIndex({ kind: 1, _id: 1 }, { name: 'by_kind' }),
    ]);
    return this.indexed;
  }
}

function toRecord(doc: RefreshTokenDoc): RefreshTokenRecord {
  return { userId: doc.userId, issuedAt: doc.issuedAt, expiresAt: doc.expiresAt, revokedAt: doc.revokedAt, revokedReason: doc.revokedReason };
}
