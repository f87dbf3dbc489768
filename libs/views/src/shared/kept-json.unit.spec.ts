import express from 'express';
import request from 'supertest';
import { sendJsonKeeping } from './kept-json';

/** The answer's bytes and the headers a client reads, as sent. */
async function sent(app: express.Express, path: string) {
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
  const app = express();
  app.get('/json/:page', (req, res) => res.json(body(Number(req.params.page))));
  app.get('/kept/:page', (req, res) => sendJsonKeeping(res, body(Number(req.params.page)), ['children', 'summary']));
  app.get('/kept-none', (_req, res) => sendJsonKeeping(res, { total: 0, children: null, empty: [] }, ['children', 'empty']));
  app.get('/json-none', (_req, res) => res.json({ total: 0, children: null, empty: [] }));

  it('sends the same bytes and headers as res.json, its kept parts in the order the body has them', async () => {
    for (const page of [0, 1, 0]) {
      // Asked again, the kept parts come from their bytes written the first time.
      expect(await sent(app, `/kept/${page}`)).toEqual(await sent(app, `/json/${page}`));
    }
    expect(await sent(app, '/kept-none')).toEqual(await sent(app, '/json-none'));
  });

  it('answers a request that already has the answer with 304, as res.json does', async () => {
    const { etag } = await sent(app, '/kept/1');
    await request(app).get('/kept/1').set('If-None-Match', etag).expect(304);
    await request(app).get('/kept/0').set('If-None-Match', etag).expect(200);
  });
});
