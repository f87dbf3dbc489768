import Database from 'better-sqlite3';
import {
  IdempotencyKeyReusedError,
  InvalidAppendError,
  PartialDuplicateError,
  UnsupportedCapabilityError,
  WrongExpectedRevisionError,
} from '../event-store.errors';

/** An error as it crosses between threads: its class by name, message, stack and own fields. */
export interface WireError {
  readonly className: string;
  readonly message: string;
  readonly stack?: string;
  readonly fields: Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rebuilt by prototype, never called
const CLASSES: Record<string, abstract new (...args: any[]) => Error> = {
  WrongExpectedRevisionError,
  PartialDuplicateError,
  IdempotencyKeyReusedError,
  InvalidAppendError,
  UnsupportedCapabilityError,
  SqliteError: Database.SqliteError,
};

export function errorToWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { className: 'Error', message: String(error), fields: {} };
  return { className: error.constructor.name, message: error.message, stack: error.stack, fields: { ...error } };
}

/** The same class (so `instanceof` and the HTTP edge's mapping hold), message and fields; a class not known here comes back as Error. */
export function errorFromWire(wire: WireError): Error {
  const error = Object.create((CLASSES[wire.className] ?? Error).prototype as object) as Error;
  Object.defineProperty(error, 'message', { value: wire.message, writable: true, configurable: true });
  if (wire.stack !== undefined) Object.defineProperty(error, 'stack', { value: wire.stack, writable: true, configurable: true });
  return Object.assign(error, wire.fields);
}
