import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { PlatformMetrics } from '@platform/observability';
import type { RunnerStatus } from '@platform/read-models';

export interface ProjectorProbe {
  readonly owner: string;
  status(): Promise<RunnerStatus>;
}

export interface ProjectorHealth {
  readonly status: 'ok';
  readonly service: 'projector';
  readonly owner: string;
  /** Nothing it holds is failing, and each projection it runs is within `readyLag` of the head. */
  readonly ready: boolean;
  readonly healthy: boolean;
  readonly head: number;
  readonly readyLag: number;
  readonly projections: Array<{ name: string; state: string; position: number; lag: number; retrying: boolean }>;
}

/** What the projector answers at /health: the projections it runs (standby ones are another's). */
export async function projectorHealth(probe: ProjectorProbe, readyLag: number): Promise<ProjectorHealth> {
  const status = await probe.status();
  const held = status.projections.filter((p) => p.state !== 'standby');
  return {
    status: 'ok',
    service: 'projector',
    owner: probe.owner,
    ready: status.healthy && held.every((p) => p.lag <= readyLag),
    healthy: status.healthy,
    head: status.head,
    readyLag,
    projections: held.map((p) => ({ name: p.name, state: p.state, position: p.position, lag: p.lag, retrying: p.retrying })),
  };
}

/**
 * The projector's own small HTTP face for an orchestrator: `/health/live` (200 while the process
 * runs), `/health` (200 when ready, 503 while failing or further behind than the ready lag, with
 * the figures either way) and `/metrics` (Prometheus: projection lag and the process's figures).
 */
export function serveProjectorHttp(probe: ProjectorProbe, options: { port: number; readyLag: number; metrics?: PlatformMetrics }): Promise<Server> {
  const metrics = options.metrics ?? new PlatformMetrics('projector');
  metrics.reportProjectionLag(async () => (await projectorHealth(probe, options.readyLag)).projections);
  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return send(res, 405, 'application/json', JSON.stringify({ message: 'GET only' }));
    if (path === '/health/live') return send(res, 200, 'application/json', JSON.stringify({ status: 'ok', service: 'projector', owner: probe.owner }));
    if (path === '/health') {
      const health = await projectorHealth(probe, options.readyLag);
      return send(res, health.ready ? 200 : 503, 'application/json', JSON.stringify(health));
    }
    if (path === '/metrics') return send(res, 200, metrics.contentType, await metrics.text());
    return send(res, 404, 'application/json', JSON.stringify({ message: 'not found' }));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 503, 'application/json', JSON.stringify({ status: 'unavailable' })));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => resolve(server));
  });
}
