import { ConsoleLogger, LoggerService, LogLevel } from '@nestjs/common';
import { JsonLogger } from '@platform/observability';
import pino, { Logger } from 'pino';

/** Nest's own start-up chatter: one line per controller and per route. */
const ROUTE_MAPPING = new Set(['RoutesResolver', 'RouterExplorer']);

/**
 * The console logger, with Nest's route-mapping lines at debug level: on start they buried the
 * address to open and the demo sign-in among a hundred lines. LOG_LEVEL=debug shows them again.
 */
export class PlatformLogger extends ConsoleLogger {
  constructor(levels: LogLevel[]) {
    super();
    this.setLogLevels(levels);
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && ROUTE_MAPPING.has(context)) this.debug(message, ...rest);
    else super.log(message, ...rest);
  }
}

export function platformLogLevels(env: NodeJS.ProcessEnv = process.env): LogLevel[] {
  if (env.NODE_ENV === 'test') return ['error', 'warn'];
  return env.LOG_LEVEL === 'debug' ? ['log', 'error', 'warn', 'debug'] : ['log', 'error', 'warn'];
}

/**
 * LOG_FORMAT=json (the default when NODE_ENV=production): JSON lines for a log collector, one per
 * request with its correlation id. Otherwise readable console lines and no per-request lines, as a
 * person starting the platform on their machine wants.
 */
export function logFormat(env: NodeJS.ProcessEnv = process.env): 'json' | 'text' {
  const format = env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'text');
  if (format !== 'json' && format !== 'text') throw new Error(`LOG_FORMAT must be json or text, got "${format}"`);
  return format;
}

export interface PlatformLogging {
  readonly nest: LoggerService;
  /** Set in JSON mode: the requests' log lines are written through it. */
  readonly requests: Logger | null;
}

export function platformLogging(service: string, env: NodeJS.ProcessEnv = process.env, destination?: pino.DestinationStream): PlatformLogging {
  const levels = platformLogLevels(env);
  if (logFormat(env) === 'text') return { nest: new PlatformLogger(levels), requests: null };
  const level = levels.includes('debug') ? 'debug' : levels.includes('log') ? 'info' : 'warn';
  const logger = pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
  return { nest: new JsonLogger(logger, ROUTE_MAPPING), requests: logger };
}
