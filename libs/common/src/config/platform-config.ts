import { resolve } from 'node:path';

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
  readonly signInPerMinute: number;
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

export interface PlatformConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly auth: AuthConfig;
  readonly limits: LimitsConfig;
  /** Absent: the defaults (a checkpoint every 1000 events or 60 minutes, key file in DATA_DIR). */
  readonly witness?: AuditWitnessConfig;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

/** Reads the environment once; every variable has a documented default (see README). */
export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const port = int(env, 'PORT', 3000, 0);
  if (port > 65535) throw new Error(`PORT must be a TCP port, got "${env.PORT}"`);
  return {
    port,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    auth: {
      jwtSecret: env.JWT_SECRET || null,
      accessTokenSeconds: int(env, 'ACCESS_TOKEN_SECONDS', 900),
      refreshTokenSeconds: int(env, 'REFRESH_TOKEN_SECONDS', 7 * 24 * 3600),
      adminUsername: env.ADMIN_USERNAME || null,
      adminPassword: env.ADMIN_PASSWORD || null,
      demo: env.NODE_ENV !== 'production' && env.DEMO_ADMIN !== '0',
    },
    limits: {
      signInPerMinute: int(env, 'SIGN_IN_PER_MINUTE', 10),
      writesPerMinute: int(env, 'WRITES_PER_MINUTE', 600),
      bodyLimit: env.BODY_LIMIT || '5mb',
      corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    },
    witness: {
      signingKey: env.AUDIT_SIGNING_KEY || null,
      everyEvents: int(env, 'AUDIT_CHECKPOINT_EVERY_EVENTS', 1000, 0),
      everyMinutes: int(env, 'AUDIT_CHECKPOINT_EVERY_MINUTES', 60, 0),
    },
  };
}
