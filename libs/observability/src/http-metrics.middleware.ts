import type { NextFunction, Request, Response } from 'express';
import type { PlatformMetrics } from './platform-metrics';

/**
 * Times every request into the latency histogram, labelled by the route's template (never the
 * concrete path: ids in labels would grow the series without bound and name what was asked for).
 * Requests no route matched (the web app's files, unknown paths) share one label.
 */
export function httpMetrics(metrics: PlatformMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
