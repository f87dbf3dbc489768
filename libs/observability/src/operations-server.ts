import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { PlatformMetrics } from './platform-metrics';

/** What a headless service says about itself at /health: whether it is ready, and the figures that decide it. */
export interface ServiceReadiness {
  readonly ready: boolean;
  readonly [figure: string]: unknown;
}

export interface OperationsOptions {
  readonly service: string;
  readonly port: number;
  readonly metrics: PlatformMetrics;
  /** Read at every /health request: what the service depends on answered, and how far behind it is. */
  readonly readiness: () => Promise<ServiceReadiness>;
  /** Extra fields of /health/live (e.g. the process's name in its leases). */
  readonly identity?: Readonly<Record<string, string>>;
}

/**
 * The small HTTP face an orchestrator needs of a service that serves no API (relay, scheduler):
 * `/health/live` (200 while the process runs), `/health` (200 when ready, 503 otherwise, with the
 * figures either way; 503 too when its dependencies do not answer) and `/metrics` (Prometheus).
 * GET only, no sign-in: it shows aggregates, like the API's own /health and /metrics.
 */
export function serveOperations(options: OperationsOptions): Promise<Server> {
  const json = (res: ServerResponse, status: number, body: unknown) => send(res, status, 'application/json', JSON.stringify(body));
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return json(res, 405, { message: 'GET only' });
    if (path === '/health/live') return json(res, 200, { status: 'ok', service: options.service, ...options.identity });
    if (path === '/health') {
      const readiness = await options.readiness();
      return json(res, readiness.ready ? 200 : 503, { status: 'ok', service: options.service, ...readiness });
    }
    if (path === '/metrics') return send(res, 200, options.metrics.contentType, await options.metrics.text());
    return json(res, 404, { message: 'not found' });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => json(res, 503, { status: 'unavailable', service: options.service, ready: false }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => resolve(server));
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** A service's port from the environment: unset or empty turns its HTTP face off; anything else must be a TCP port. */
export function optionalPort(env: NodeJS.ProcessEnv, name: string): number | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new Error(`${name} must be a TCP port, got "${raw}"`);
  return Number(raw);
}

/** A whole number of events from the environment (a ready lag), with its default. */
export function eventCount(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,12}$/.test(raw)) throw new Error(`${name} must be a whole number of events, got "${raw}"`);
  return Number(raw);
}
