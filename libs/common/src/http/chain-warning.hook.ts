import type { ChainIntegrity } from '@platform/event-store';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/**
 * An onRequest hook: while the event hash chain is broken and unacknowledged, every answer carries
 * `X-Chain-Broken: <position>`: reads go on, but no page or client can miss that the history
 * they show failed verification. A hook rather than Nest middleware, which on Fastify runs every
 * request through @fastify/middie's path matching for one header.
 */
export function chainWarning(integrity: Pick<ChainIntegrity, 'brokenAt'>) {
  return (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const brokenAt = integrity.brokenAt;
    if (brokenAt !== null) reply.header('X-Chain-Broken', String(brokenAt));
    done();
  };
}
