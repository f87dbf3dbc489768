import { ConsoleLogger, LogLevel } from '@nestjs/common';

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

export function platformLogLevels(): LogLevel[] {
  if (process.env.NODE_ENV === 'test') return ['error', 'warn'];
  return process.env.LOG_LEVEL === 'debug' ? ['log', 'error', 'warn', 'debug'] : ['log', 'error', 'warn'];
}
