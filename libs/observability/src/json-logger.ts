import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Logger } from 'pino';

const LEVELS: Record<LogLevel, 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal'> = {
  log: 'info',
  error: 'error',
  warn: 'warn',
  debug: 'debug',
  verbose: 'trace',
  fatal: 'fatal',
};

/**
 * Nest's logger interface over pino: one JSON line per message with its context, for log
 * collectors. `demote` moves chatty contexts (route mapping at start) down to debug.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly logger: Logger,
    private readonly demote: ReadonlySet<string> = new Set(),
  ) {}

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const target = context && this.demote.has(context) ? 'debug' : LEVELS[level];
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.logger[target]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[target]({ ...fields, ...message });
    else this.logger[target](fields, String(message));
  }

  log = (message: unknown, ...rest: unknown[]) => this.write('log', message, rest);
  error = (message: unknown, ...rest: unknown[]) => this.write('error', message, rest);
  warn = (message: unknown, ...rest: unknown[]) => this.write('warn', message, rest);
  debug = (message: unknown, ...rest: unknown[]) => this.write('debug', message, rest);
  verbose = (message: unknown, ...rest: unknown[]) => this.write('verbose', message, rest);
  fatal = (message: unknown, ...rest: unknown[]) => this.write('fatal', message, rest);
}
