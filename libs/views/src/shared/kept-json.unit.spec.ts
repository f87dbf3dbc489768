import fastifyEtag from '@fastify/etag';
import Fastify from 'fastify';
import type { Server } from 'node:http';
import request from 'supertest';
import { sendJsonKeeping } from './kept-json';

/** The answer's bytes and the headers a client reads, as sent. */
async function sent(app: Server, path: string) {
  const res = await request(app).get(path).buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
  return { status: res.status, type: res.headers['content-type'], etag: res.headers.etag, length: res.headers['content-length'], body: (res.body as Buffer).toString('hex') };
}

describe('answers with kept parts', () => {
  const lines = [
    { unitId: 'YL-A001', name: '市建设局', stages: [{ key: 'concluded', name: '已结束', count: 3 }] },
    { unitId: 'YL-A002', name: 'quote " backslash \\ and \u2028', stages: [] },
  ];
  const summary = { total: 2, names: ['一', 'two'] };
  const body = (page: number) => ({ asOf: { position: `p${page}`, at: null, stale: null }, total: 2, rows: [{ rank: page, name: '芙蓉社区党支部' }], summary, children: lines, skip: page, limit: 1 });
  // As the platform's edge has it: weak ETags computed from the answer's bytes.
  const fastify = Fastify();
  void fastify.register(fastifyEtag, { weak: true });
  const page = (req: { params: unknown }) => Number((req.params as { page: string }).page);
  fastify.get('/json/:page', async (req) => body(page(req)));
  fastify.get('/kept/:page', (req, reply) => sendJsonKeeping(reply, body(page(req)), ['children', 'summary']));
  fastify.get('/kept-none', (_req, reply) => sendJsonKeeping(reply, { total: 0, children: null, empty: [] }, ['children', 'empty']));
  fastify.get('/json-none', async () => ({ total: 0, children: null, empty: [] }));
  const app = fastify.server;
  beforeAll(() => fastify.ready());
  afterAll(() => fastify.close());

  it('sends the same bytes and headers as an object sent, its kept parts in the order the body has them', async () => {
    for (const page of [0, 1, 0]) {
      // Asked again, the kept parts come from their bytes written the first time.
      expect(await sent(app, `/kept/${page}`)).toEqual(await sent(app, `/json/${page}`));
    }
    expect(await sent(app, '/kept-none')).toEqual(await sent(app, '/json-none'));
  });

  it('answers a request that already has the answer with 304, as an object sent does', async () => {
    const { etag } = await sent(app, '/kept/1');
    await request(app).get('/kept/1').set('If-None-Match', etag).expect(304);
    await request(app).get('/kept/0').set('If-None-Match', etag).expect(200);
  });
});
