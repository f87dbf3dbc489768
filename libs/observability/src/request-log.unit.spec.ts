import Fastify from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { answerCorrelationId, correlationIdOf } from './correlation-id';
import { requestLog } from './request-log';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('request log lines', () => {
  const out = capture();
  const fastify = Fastify({ genReqId: correlationIdOf });
  fastify.addHook('onRequest', answerCorrelationId);
  fastify.addHook('onResponse', requestLog(pino({ level: 'info' }, out.stream)));
  fastify.get('/api/things/:id', async () => ({ ok: true }));
  fastify.get('/api/broken', async (_req, reply) => reply.code(500).send({ ok: false }));
  fastify.get('/health', async () => ({ status: 'ok' }));
  const app = fastify.server;
  beforeAll(() => fastify.ready());
  afterAll(() => fastify.close());

  it('writes one JSON line per request with the correlation id, method, path without the query and status; never the headers', async () => {
    const res = await request(app).get('/api/things/42?name=张三').set('Authorization', 'Bearer secret-token').set('X-Correlation-Id', 'req-1').expect(200);
    expect(res.headers['x-correlation-id']).toBe('req-1');
    const [line] = out.lines();
    expect(line).toMatchObject({ level: 30, correlationId: 'req-1', req: { method: 'GET', path: '/api/things/42' }, res: { status: 200 } });
    expect(typeof line.responseTime).toBe('number');
    expect(JSON.stringify(line)).not.toContain('secret-token');
    expect(JSON.stringify(line)).not.toContain('张三');
  });

  it('logs a server error at error level and leaves the health probe out', async () => {
    await request(app).get('/api/broken').expect(500);
    await request(app).get('/health').expect(200);
    const lines = out.lines();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ level: 50, req: { path: '/api/broken' }, res: { status: 500 } });
    expect(lines[1].correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
