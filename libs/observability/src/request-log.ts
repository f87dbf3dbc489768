import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Logger } from 'pino';

/**
 * An onResponse hook writing one JSON line per finished request: method, path (no query string: it
 * may carry names), status, duration in ms and the correlation id (Fastify's request id). Headers
 * are never logged (tokens, cookies). /health is polled by orchestrators and would drown the rest.
 * The platform's own pino logger writes it, not Fastify's per-request child loggers, which would
 * cost a child logger per request for one line.
 */
export function requestLog(logger: Logger) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const url = request.url;
    if (!url.startsWith('/health') && !url.startsWith('/metrics')) {
      const status = reply.statusCode;
      const q = url.indexOf('?');
      const line = {
        reqId: request.id,
        correlationId: request.id,
        req: { method: request.method, path: q < 0 ? url : url.slice(0, q) },
        res: { status },
        responseTime: reply.elapsedTime,
      };
      if (status >= 500) logger.error(line, 'request errored');
      else if (status >= 400) logger.warn(line, 'request completed');
      else logger.info(line, 'request completed');
    }
    done();
  };
}
