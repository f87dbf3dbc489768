import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { CorrelatedRequest } from './correlation-id';

/**
 * One JSON line per finished request: method, path (no query string: it may carry names), status,
 * duration and the correlation id. Headers are never logged (tokens, cookies). /health is polled
 * by orchestrators and would drown the rest.
 */
export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req) => (req as CorrelatedRequest).id ?? 'unknown',
    customProps: (req) => ({ correlationId: (req as CorrelatedRequest).id }),
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') || (req.url ?? '').startsWith('/metrics') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: (req.url ?? '').split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
    },
    wrapSerializers: false,
  });
}
