import type { FastifyInstance } from 'fastify';
import { refuseDeepJson } from './json-depth';

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/**
 * A body limit as configured ('5mb', '100kb', '1024'): bytes, counted in units of 1024 as BODY_LIMIT
 * always was. Strict on purpose: the `bytes` package falls back to parseInt, so '5 megabytes' would
 * silently be a limit of 5 bytes.
 */
export function byteLimit(limit: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit);
  if (!m) throw new Error(`BODY_LIMIT must be a size such as 5mb or 100kb, got "${limit}"`);
  return Math.floor(Number(m[1]) * UNITS[(m[2] ?? 'b').toLowerCase()]);
}

/** A refused body: its status and rule (`type`) become the 4xx naming the body (see PlatformErrorFilter). */
function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type });
}

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
/** The first byte of the text that is not JSON whitespace, or undefined. */
function firstToken(bytes: Buffer): number | undefined {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  return undefined;
}

const isJson = (contentType: string | undefined) => contentType !== undefined && /^\s*application\/json\s*(;|$)/i.test(contentType);

/**
 * The request bodies the platform reads: JSON objects and arrays only (a bare string or number is no
 * request body), up to `limit` bytes, refused when nested deeper than the deepest body the platform
 * takes, before it is parsed. Any other type is left unread (the
 * body stays undefined and validation names what is missing), as the JSON-only parser before this
 * edge did; multipart uploads are read by their own route. A JSON body announced larger than the
 * limit is refused before it is read; one sent in chunks is cut off at the limit by Fastify (413).
 */
export function useJsonBodies(fastify: FastifyInstance, limit: number): void {
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) => {
    const bytes = body as Buffer;
    try {
      refuseDeepJson(null, null, bytes);
    } catch (e) {
      return done(e as Error, undefined);
    }
    const first = firstToken(bytes);
    if (first === undefined) return done(null, {});
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      return done(bodyError(400, 'entity.parse.failed', 'JSON 请求体须为对象或数组 (a JSON body must be an object or an array)'), undefined);
    }
    try {
      done(null, JSON.parse(bytes.toString('utf8')));
    } catch (e) {
      done(bodyError(400, 'entity.parse.failed', (e as Error).message), undefined);
    }
  });
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const length = Number(request.headers['content-length']);
    if (length > limit && isJson(request.headers['content-type'])) {
      return done(bodyError(413, 'entity.too.large', `请求体超过 ${limit} 字节 (request entity too large)`), payload);
    }
    done(null, payload);
  });
}
