import type { Server } from 'node:http';
import { PlatformMetrics, serveOperations } from '@platform/observability';
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
  readonly projections: Array<{ name: string; state: string; position: number; lag: number | null; retrying: boolean }>;
}

/** What the projector answers at /health: the projections it runs (standby ones are another's). */
export async function projectorHealth(probe: ProjectorProbe, readyLag: number): Promise<ProjectorHealth> {
  const status = await probe.status();
  const held = status.projections.filter((p) => p.state !== 'standby');
  return {
    status: 'ok',
    service: 'projector',
    owner: probe.owner,
    ready: status.healthy && held.every((p) => p.lag !== null && p.lag <= readyLag),
    healthy: status.healthy,
    head: status.head,
    readyLag,
    projections: held.map((p) => ({ name: p.name, state: p.state, position: p.position, lag: p.lag, retrying: p.retrying })),
  };
}

/**
 * The projector's HTTP face for an orchestrator (the services' shared one): `/health/live`,
 * `/health` (200 when ready, 503 while failing or further behind than the ready lag, with the
 * figures either way) and `/metrics` (Prometheus: projection lag and the process's figures).
 */
export function serveProjectorHttp(probe: ProjectorProbe, options: { port: number; readyLag: number; metrics?: PlatformMetrics }): Promise<Server> {
  const metrics = options.metrics ?? new PlatformMetrics('projector');
  metrics.reportProjectionLag(async () => (await projectorHealth(probe, options.readyLag)).projections);
  return serveOperations({ service: 'projector', port: options.port, metrics, readiness: async () => ({ ...(await projectorHealth(probe, options.readyLag)) }), identity: { owner: probe.owner } });
}
