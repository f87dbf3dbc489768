import { Injectable, NestMiddleware } from '@nestjs/common';
import { ChainIntegrity } from '@platform/event-store';
import type { NextFunction, Request, Response } from 'express';

/**
 * While the event hash chain is broken and unacknowledged, every answer carries
 * `X-Chain-Broken: <position>`: reads go on, but no page or client can miss that the history
 * they show failed verification.
 */
@Injectable()
export class ChainWarningMiddleware implements NestMiddleware {
  constructor(private readonly integrity: ChainIntegrity) {}

  use(_req: Request, res: Response, next: NextFunction): void {
    const brokenAt = this.integrity.brokenAt;
    if (brokenAt !== null) res.setHeader('X-Chain-Broken', String(brokenAt));
    next();
  }
}
