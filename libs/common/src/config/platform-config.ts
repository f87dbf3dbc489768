import { resolve } from 'node:path';
import { loadStoresConfig, StoresConfig } from './stores-config';

export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const CLOCK = Symbol('CLOCK');

export type Clock = () => Date;

export interface AuthConfig {
  /** Signing secret for access tokens; when unset one is generated and kept in DATA_DIR. */
  readonly jwtSecret: string | null;
  readonly accessTokenSeconds: number;
  readonly refreshTokenSeconds: number;
  /** First administrator, created on start when no user with this name exists. */
  readonly adminUsername: string | null;
  readonly adminPassword: string | null;
  /** Demo mode creates an administrator with a printed random password when there is no user at all. */
  readonly demo: boolean;
}

export interface LimitsConfig {
  /** Every sign-in and refresh request per client address, failed or not: loose, an office shares one address. */
  readonly signInPerMinute: number;
  /** Failed sign-ins per account (whatever the address) within SIGN_IN_FAILURE_WINDOW_MS. */
  readonly signInFailuresPerAccount?: number;
  /** Failed sign-ins per client address (whatever the account) within SIGN_IN_FAILURE_WINDOW_MS. */
  readonly signInFailuresPerAddress?: number;
  readonly writesPerMinute: number;
  readonly bodyLimit: string;
  /** Origins allowed by CORS; empty keeps CORS closed. */
  readonly corsOrigins: readonly string[];
}

/** Signed checkpoints of the audit trail (see README, 审计检查点). */
export interface AuditWitnessConfig {
  /** Ed25519 private key, PKCS#8 PEM or base64 DER; when unset one is generated and kept in DATA_DIR. */
  readonly signingKey: string | null;
  readonly everyEvents: number;
  readonly everyMinutes: number;
}
/** The global notary's schedule (see docs/architecture.md, "Hash chains and the notary"). */
export interface AuditNotaryConfig {
  /** NOTARY_INTERVAL_MS: how often `$all` is read for new events (0: this process never advances the notary). */
  readonly intervalMs: number;
  /** NOTARY_CHECKPOINT_EVERY_EVENTS: a signed notary checkpoint once this many events were notarized since the last. */
  readonly checkpointEveryEvents: number;
  /** NOTARY_CHECKPOINT_EVERY_MINUTES: one this many minutes after the last when events were notarized meanwhile. */
  readonly checkpointEveryMinutes: number;
}

/**
 * Express's `trust proxy`: which hops may set X-Forwarded-For (and so the client address that
 * rate limits and the security log use). false trusts nobody, the address is the socket's peer.
 */
export type TrustProxy = boolean | number | readonly string[];

export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60_000;
export const DEFAULT_SIGN_IN_FAILURES_PER_ACCOUNT = 10;
export const DEFAULT_SIGN_IN_FAILURES_PER_ADDRESS = 30;

export interface PlatformConfig {
  readonly port: number;
  /** Unset (false) unless TRUST_PROXY names the proxies in front of the platform. */
  readonly trustProxy?: TrustProxy;
  readonly dataDir: string;
  readonly auth: AuthConfig;
  readonly limits: LimitsConfig;
  /** Absent: the defaults (a checkpoint every 1000 events or 60 minutes, key file in DATA_DIR). */
  readonly witness?: AuditWitnessConfig;
  /** Absent: the notary reads every 2 s and signs a checkpoint per 1000 events or 60 minutes. */
  readonly notary?: AuditNotaryConfig;
  /** Absent: the projections run in this process, with 10 s leases. */
  readonly projections?: ProjectionsConfig;
  /** Absent: the embedded stores (EVENT_STORE, READ_STORE and BUS unset). */
  readonly stores?: StoresConfig;
  /** Absent: the scheduled jobs run as their own settings say (WARNING_JOB_INTERVAL_MS). */
  readonly jobs?: JobsConfig;
}

export interface JobsConfig {
  /** false: this process never runs the deadline check on its own (an API replica; the scheduler does). */
  readonly deadlineWarnings: boolean;
}

export interface ProjectionsConfig {
  /**
   * PROJECTIONS: `worker` (default) runs them in a thread of the platform's process, off the API's
   * event loop; `in-process` on the API's event loop itself (the default with EVENT_STORE=kurrentdb,
   * whose events the thread cannot read); `off` leaves them to a projector of their own
   * (`npm run projector`) and only answers queries from what it stored.
   */
  readonly mode: 'worker' | 'in-process' | 'off';
  /** PROJECTION_LEASE_MS: how long a projection's lease lasts unless renewed (how soon a dead projector's work passes on). */
  readonly leaseMs: number;
  /**
   * PROJECTOR_HEAP_MIB: the projector thread's old-generation heap, in MiB (PROJECTIONS=worker).
   * What a catch-up holds is bounded (64 MiB of pending JSON and what evolving it takes, at most
   * 370 MiB after a collection in a new city's first start); left to itself V8 let the thread's heap
   * grow to 1 GB between collections, and the server to 1.5 GB resident.
   */
  readonly heapMiB?: number;
  /**
   * PROJECTIONS_FILL_FROM_EVENTS: on a history of at least this many events, projections that never
   * stored anything (a first start on a generated city, a deleted read store), or whose documents an
   * older version built, are filled in one pass as `npm run rebuild` fills them, before they run
   * live (see fillNewProjections).
   */
  readonly fillFromEvents?: number;
  /**
   * PROJECTION_SETTLE_MS: live under a stream of appends, how long a projection waits after a batch
   * before reading the next (see ProjectionRunnerOptions.settleMs); 0 applies each at once.
   */
  readonly settleMs?: number;
}

/**
 * Progress notes at 64 clients on the scale-1 city, nine runs each way (2026-12-08): with 40 ms,
 * p99 49-71 ms (median 56) and 2,299-2,744 notes/s, against 54-77 ms (median 65) and 2,000-2,750
 * applying every batch at once — the projections' commits, and their wake-ups of the API's thread,
 * a few dozen a second instead of one per group commit. 100 ms measured no better (p99 54-69
 * against 47-65 ms, two starts each), and a read waiting for its own write waits up to this long.
 */
export const DEFAULT_PROJECTION_SETTLE_MS = 40;

export function loadProjectionsConfig(env: NodeJS.ProcessEnv = process.env): ProjectionsConfig {
  const mode = env.PROJECTIONS || (env.EVENT_STORE?.trim() === 'kurrentdb' ? 'in-process' : 'worker');
  if (mode !== 'worker' && mode !== 'in-process' && mode !== 'off') throw new Error(`PROJECTIONS must be worker, in-process or off, got "${mode}"`);
  return {
    mode,
    leaseMs: integerSetting(env, 'PROJECTION_LEASE_MS', 10_000, 100),
    heapMiB: integerSetting(env, 'PROJECTOR_HEAP_MIB', 512, 64),
    fillFromEvents: integerSetting(env, 'PROJECTIONS_FILL_FROM_EVENTS', 10_000, 1),
    settleMs: integerSetting(env, 'PROJECTION_SETTLE_MS', DEFAULT_PROJECTION_SETTLE_MS, 0, 1_000),
  };
}

/** An integer setting: unset or blank is the fallback; anything else must be an integer within [min, max]. */
export function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1, max = Infinity): number {
  const raw = env[name];
  // Blank is unset: Number(' ') is 0, which would pass for a value.
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer ${max === Infinity ? `≥ ${min}` : `from ${min} to ${max}`}, got "${raw}"`);
  return n;
}

/** TRUST_PROXY: unset or `false`; `true` (every hop); a hop count; or addresses, subnets and Express's names (loopback...). */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((s) => !/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(s));
  if (bad) throw new Error(`TRUST_PROXY must be true, false, a hop count or addresses/subnets (loopback, 10.0.0.0/8...), got "${bad}"`);
  return list;
}

/** Reads the environment once; every variable has a documented default (see README). */
export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const port = integerSetting(env, 'PORT', 3000, 0);
  // Replicas must sign and check tokens with one secret; a secret generated per data directory would differ per replica.
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new Error('JWT_SECRET is required when NODE_ENV=production (one secret shared by every replica; at least 32 characters)');
  }
  if (env.JWT_SECRET && env.JWT_SECRET.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  if (port > 65535) throw new Error(`PORT must be a TCP port, got "${env.PORT}"`);
  return {
    port,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    auth: {
      jwtSecret: env.JWT_SECRET || null,
      accessTokenSeconds: integerSetting(env, 'ACCESS_TOKEN_SECONDS', 900),
      refreshTokenSeconds: integerSetting(env, 'REFRESH_TOKEN_SECONDS', 7 * 24 * 3600),
      adminUsername: env.ADMIN_USERNAME || null,
      adminPassword: env.ADMIN_PASSWORD || null,
      demo: env.NODE_ENV !== 'production' && env.DEMO_ADMIN !== '0',
    },
    limits: {
      signInPerMinute: integerSetting(env, 'SIGN_IN_PER_MINUTE', 120),
      signInFailuresPerAccount: integerSetting(env, 'SIGN_IN_FAILURES_PER_ACCOUNT', DEFAULT_SIGN_IN_FAILURES_PER_ACCOUNT),
      signInFailuresPerAddress: integerSetting(env, 'SIGN_IN_FAILURES_PER_ADDRESS', DEFAULT_SIGN_IN_FAILURES_PER_ADDRESS),
      writesPerMinute: integerSetting(env, 'WRITES_PER_MINUTE', 600),
      bodyLimit: env.BODY_LIMIT || '5mb',
      corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    },
    witness: {
      signingKey: env.AUDIT_SIGNING_KEY || null,
      everyEvents: integerSetting(env, 'AUDIT_CHECKPOINT_EVERY_EVENTS', 1000, 0),
      everyMinutes: integerSetting(env, 'AUDIT_CHECKPOINT_EVERY_MINUTES', 60, 0),
    },
    notary: {
      intervalMs: integerSetting(env, 'NOTARY_INTERVAL_MS', 2000, 0),
      checkpointEveryEvents: integerSetting(env, 'NOTARY_CHECKPOINT_EVERY_EVENTS', 1000, 0),
      checkpointEveryMinutes: integerSetting(env, 'NOTARY_CHECKPOINT_EVERY_MINUTES', 60, 0),
    },
    projections: loadProjectionsConfig(env),
    stores: loadStoresConfig(env),
  };
}
