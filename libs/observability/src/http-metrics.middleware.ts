import type { NextFunction, Request, Response } from 'express';
import type { Histogram } from 'prom-client';
import type { PlatformMetrics } from './platform-metrics';

type Series = ReturnType<Histogram<'method' | 'route' | 'status'>['labels']>;

/**
 * Times every request into the latency histogram, labelled by the route's template (never the
 * concrete path: ids in labels would grow the series without bound and name what was asked for).
 * Requests no route matched (the web app's files, unknown paths) share one label. Each series is
 * looked up once and kept: the histogram would otherwise check and hash the label object anew on
 * every request. Their number is bounded by routes × methods × statuses.
 */
export function httpMetrics(metrics: PlatformMetrics) {
  const series = new Map<string, Series>();
  const seriesOf = (method: string, route: string, status: string): Series => {
    const key = `${method} ${route} ${status}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = metrics.httpDuration.labels({ method, route, status })));
    return s;
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      seriesOf(req.method, route, String(res.statusCode)).observe(Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
