import express from 'express';
import pino from 'pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { correlationId } from './correlation-id';
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
  const app = express();
  app.use(correlationId());
  app.use(requestLog(pino({ level: 'info' }, out.stream)));
  app.get('/api/things/:id', (_req, res) => res.json({ ok: true }));
  app.get('/api/broken', (_req, res) => res.status(500).json({ ok: false }));
  app.get('/health', (_req, res) => res.json({ status: 'ok' }));

  it('writes one JSON line per request with the correlation id, method, path without the query and status; never the headers', async () => {
    await request(app).get('/api/things/42?name=张三').set('Authorization', 'Bearer secret-token').set('X-Correlation-Id', 'req-1').expect(200);
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
