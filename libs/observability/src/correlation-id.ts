import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** What a caller may send as X-Correlation-Id: 1–200 visible ASCII characters. */
const CORRELATION_PATTERN = /^[\x21-\x7e]{1,200}$/;

export type CorrelatedRequest = Request & { id?: string };

/**
 * Gives every request its correlation id before anything else sees it: the caller's X-Correlation-Id
 * when well formed, else a fresh one. It is answered back in the response header, written on the
 * request's log lines and kept in the events' metadata, so one id follows a request everywhere.
 */
export function correlationId() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.header('x-correlation-id');
    const id = given !== undefined && CORRELATION_PATTERN.test(given) ? given : randomUUID();
    (req as CorrelatedRequest).id = id;
    res.setHeader('X-Correlation-Id', id);
    next();
  };
}
