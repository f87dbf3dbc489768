import { Injectable, NestMiddleware } from '@nestjs/common';
import { ChainIntegrity } from '@platform/event-store';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * While the event hash chain is broken and unacknowledged, every answer carries
 * `X-Chain-Broken: <position>`: reads go on, but no page or client can miss that the history
 * they show failed verification. Nest middleware on Fastify gets Node's own request and response;
 * a header set on the latter is merged into whatever the reply sends.
 */
@Injectable()
export class ChainWarningMiddleware implements NestMiddleware {
  constructor(private readonly integrity: ChainIntegrity) {}

  use(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const brokenAt = this.integrity.brokenAt;
    if (brokenAt !== null) res.setHeader('X-Chain-Broken', String(brokenAt));
    next();
  }
}
