import type { AddressInfo } from 'node:net';
import type { ProjectionStatus, RunnerStatus } from '@platform/read-models';
import { ProjectorProbe, serveProjectorHttp } from './projector-http';

const projection = (name: string, state: string, lag: number, retrying = false) => ({ name, state, position: 100 - lag, lag, retrying }) as unknown as ProjectionStatus;

function probe(status: RunnerStatus): ProjectorProbe {
  return { owner: 'p-1', status: async () => status };
}

describe('the projector\'s /health', () => {
  const servers: Array<{ close(): void }> = [];
  afterAll(() => servers.forEach((s) => s.close()));
  async function health(status: RunnerStatus, readyLag = 10) {
    const server = await serveProjectorHttp(probe(status), { port: 0, readyLag });
    servers.push(server);
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health`);
    return { status: res.status, body: (await res.json()) as { ready: boolean; projections: Array<{ name: string }> } };
  }

  it('is ready (200) when what it runs is within the ready lag; standby projections are another projector\'s', async () => {
    const h = await health({ head: 100, healthy: true, projections: [projection('board', 'live', 3), projection('tracker', 'standby', 90)] });
    expect(h.status).toBe(200);
    expect(h.body.ready).toBe(true);
    expect(h.body.projections.map((p) => p.name)).toEqual(['board']);
  });

  it('answers 503 while further behind than the ready lag, or while a projection fails', async () => {
    expect((await health({ head: 100, healthy: true, projections: [projection('board', 'catching-up', 11)] })).status).toBe(503);
    expect((await health({ head: 100, healthy: false, projections: [projection('board', 'live', 0, true)] })).status).toBe(503);
  });

  it('on a store that cannot count events by position (lag null while behind) is ready only once caught up', async () => {
    const uncounted = { ...projection('board', 'catching-up', 0), position: 40, lag: null } as unknown as ProjectionStatus;
    expect((await health({ head: 100, healthy: true, projections: [uncounted] })).status).toBe(503);
    expect((await health({ head: 100, healthy: true, projections: [projection('board', 'live', 0)] })).status).toBe(200);
  });
});
