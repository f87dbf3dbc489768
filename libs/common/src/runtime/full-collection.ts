import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full collection of this thread's heap now, which gives back the pages its garbage held. For a
 * thread that has just ended a long burst (a projector's catch-up from position 0 leaves hundreds
 * of MiB of pending documents behind): V8 would otherwise keep them until its next full collection,
 * which a thread doing little may not reach for hours, and they count in the process's memory.
 * Node offers V8's collector only behind --expose-gc, so the flag is set for as long as it takes a
 * new context to be given the function, and unset again: no other context of the process gets it.
 */
export function collectGarbageNow(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    try {
      gc = runInNewContext('gc') as () => void;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  gc();
}

/** Events applied in one catch-up past which what it held is given back as it ends (a first start, a long outage). */
export const LONG_CATCH_UP_EVENTS = 10_000;

/**
 * After a catch-up of `behind` events (null: the store could not count them) on this thread: what
 * it held pending is garbage now, given back at once when the catch-up was long.
 */
export function collectAfterCatchUp(behind: number | null): void {
  if ((behind ?? LONG_CATCH_UP_EVENTS) >= LONG_CATCH_UP_EVENTS) collectGarbageNow();
}
