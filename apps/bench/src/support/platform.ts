import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import type { PlatformConfig } from '@platform/common';
import { createPlatformApp } from '../../../platform/src/bootstrap';

export const BENCH_ADMIN = { username: 'bench-admin', password: 'bench-admin-password-0' };
export const BENCH_PASSWORD = 'bench-user-password-0';

/** The platform's configuration for a benchmark: limits out of the way, everything else as shipped. */
export function benchConfig(dataDir: string, admin: { username: string; password: string } | null = BENCH_ADMIN): PlatformConfig {
  return {
    port: 0,
    dataDir,
    auth: {
      jwtSecret: null,
      accessTokenSeconds: 4 * 3600,
      refreshTokenSeconds: 4 * 3600,
      adminUsername: admin?.username ?? null,
      adminPassword: admin?.password ?? null,
      demo: false,
    },
    limits: { signInPerMinute: 1_000_000, writesPerMinute: 1_000_000_000, bodyLimit: '5mb', corsOrigins: [] },
  };
}

export interface RunningPlatform {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** The whole platform in this process, listening on a free port of the loopback interface. */
export async function startPlatform(config: PlatformConfig): Promise<RunningPlatform> {
  const app = await createPlatformApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export interface HttpAnswer<T = unknown> {
  readonly status: number;
  readonly body: T;
}

export async function call<T = unknown>(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpAnswer<T>> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: body as T };
}

/** POSTs and insists on a 2xx answer. */
export async function ok<T = unknown>(baseUrl: string, path: string, body: unknown, token: string): Promise<T> {
  const r = await call<T>(baseUrl, 'POST', path, { token, body });
  if (r.status >= 300) throw new Error(`POST ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  return r.body;
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const r = await call<{ accessToken: string }>(baseUrl, 'POST', '/api/auth/sign-in', { body: { username, password } });
  if (r.status !== 200) throw new Error(`sign-in of ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}

/** An administrator creates the user; it then signs in with its password like anyone else. */
export async function userToken(baseUrl: string, adminToken: string, userId: string, role: string, scopeUnitIds: string[]): Promise<string> {
  await ok(baseUrl, '/api/users', { userId, username: userId, displayName: userId, role, scopeUnitIds, password: BENCH_PASSWORD }, adminToken);
  return signIn(baseUrl, userId, BENCH_PASSWORD);
}

/** Resolves once every projection has applied everything stored (health shows lag 0 everywhere). */
export async function caughtUp(baseUrl: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await call<{ projections: { items: Array<{ lag: number }> } }>(baseUrl, 'GET', '/health').catch(() => null);
    if (r && r.status === 200 && r.body.projections.items.every((p) => p.lag === 0)) return;
    if (Date.now() > deadline) throw new Error('projections did not catch up in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Phases of the advanced-education template, planned over the first months of 2026. */
export const EDUCATION_PHASES = [
  { phaseKey: 'study', start: '2026-01-05', end: '2026-02-10' },
  { phaseKey: 'analysis', start: '2026-02-11', end: '2026-03-20' },
  { phaseKey: 'rectification', start: '2026-03-21', end: '2026-04-30' },
];
