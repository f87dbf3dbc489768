/**
 * Failures per key (an account, an address) within a sliding window. The request throttler counts
 * requests before the handler runs; a failed password is known only after it, so failed sign-ins
 * are counted here — in the process by default, in the shared store when replicas run apart.
 */
export interface FailureCounter {
  /** Milliseconds until the key may try again; 0 when it may now. */
  retryAfterMs(key: string): Promise<number>;
  record(key: string): Promise<void>;
  clear(key: string): Promise<void>;
}

/** Opens the window `name` (e.g. `account`, `address`): at most `limit` failures per key within `windowMs`. */
export type FailureWindows = (name: string, limit: number, windowMs: number) => FailureCounter;
export const FAILURE_WINDOWS = Symbol('FAILURE_WINDOWS');
