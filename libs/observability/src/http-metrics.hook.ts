import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Histogram } from 'prom-client';
import type { PlatformMetrics } from './platform-metrics';

type Series = ReturnType<Histogram<'method' | 'route' | 'status'>['labels']>;

/**
 * An onResponse hook timing every request into the latency histogram (Fastify's own clock, from
 * the request's arrival to the answer's last byte), labelled by the route's template — never the
 * concrete path: ids in labels would grow the series without bound and name what was asked for.
 * Only templates under `routed` are labels (the API's routes); everything else — the web app's
 * files and its fallback, unknown paths — shares one label. Each series is looked up once and
 * kept: the histogram would otherwise check and hash the label object anew on every request.
 * Their number is bounded by routes × methods × statuses.
 */
export function httpMetrics(metrics: PlatformMetrics, routed: RegExp) {
  const series = new Map<string, Series>();
  const seriesOf = (method: string, route: string, status: string): Series => {
    const key = `${method} ${route} ${status}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = metrics.httpDuration.labels({ method, route, status })));
    return s;
  };
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const template = request.routeOptions.url;
    const route = template !== undefined && routed.test(template) ? template : 'unmatched';
    seriesOf(request.method, route, String(reply.statusCode)).observe(reply.elapsedTime / 1000);
    done();
  };
}
