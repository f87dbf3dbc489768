import Fastify from 'fastify';
import { byteLimit, useJsonBodies } from './json-body';
import { MAX_JSON_DEPTH } from './json-depth';

describe('JSON bodies', () => {
  it('reads body limits as configured, in units of 1024', () => {
    expect(byteLimit('5mb')).toBe(5 * 1024 * 1024);
    expect(byteLimit('100kb')).toBe(102_400);
    expect(byteLimit('2048')).toBe(2048);
    expect(() => byteLimit('five')).toThrow(/BODY_LIMIT/);
    expect(() => byteLimit('5 megabytes')).toThrow(/BODY_LIMIT/);
    expect(() => byteLimit('5xyz')).toThrow(/BODY_LIMIT/);
  });

  describe('on a Fastify instance', () => {
    const fastify = Fastify();
    useJsonBodies(fastify, 1024);
    fastify.post('/echo', async (req) => ({ body: req.body ?? null }));
    // As PlatformErrorFilter reads a refused body: its status and its rule.
    fastify.setErrorHandler((error: Error & { status?: number; type?: string }, _req, reply) => reply.code(error.status ?? 500).send({ rule: error.type ?? null }));
    beforeAll(() => fastify.ready());
    afterAll(() => fastify.close());
    const post = (payload: string, type = 'application/json') => fastify.inject({ method: 'POST', url: '/echo', payload, headers: { 'content-type': type } });

    it('parses JSON, an empty body as {}, and leaves any other type unread', async () => {
      expect((await post('{"a":[1,2]}')).json()).toEqual({ body: { a: [1, 2] } });
      expect((await post('')).json()).toEqual({ body: {} });
      expect((await post(' \n[1]')).json()).toEqual({ body: [1] });
      expect((await post('{"a":1}', 'text/plain')).json()).toEqual({ body: null });
    });

    it('refuses malformed, too deep and too large bodies with 4xx and their rule', async () => {
      for (const text of ['{"a":', '"text"', '42', 'null']) {
        const broken = await post(text);
        expect([text, broken.statusCode, broken.json()]).toEqual([text, 400, { rule: 'entity.parse.failed' }]);
      }
      const deep = await post('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1));
      expect([deep.statusCode, deep.json()]).toEqual([400, { rule: 'entity.too.deep' }]);
      const large = await post(JSON.stringify({ text: 'x'.repeat(2000) }));
      expect([large.statusCode, large.json()]).toEqual([413, { rule: 'entity.too.large' }]);
    });
  });
});
