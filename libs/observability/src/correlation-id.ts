import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/** What a caller may send as X-Correlation-Id: 1–200 visible ASCII characters. */
const CORRELATION_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Every request's correlation id, given to Fastify as its request id (`genReqId`), so `request.id`
 * is it before anything else sees the request: the caller's X-Correlation-Id when well formed, else
 * a fresh one. It is answered back in the response header (`answerCorrelationId`), written on the
 * request's log line and kept in the events' metadata, so one id follows a request everywhere.
 */
export function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers['x-correlation-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value !== undefined && CORRELATION_PATTERN.test(value) ? value : randomUUID();
}

/** onRequest hook: the request's correlation id in the answer's X-Correlation-Id. */
export function answerCorrelationId(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  reply.header('X-Correlation-Id', request.id);
  done();
}
