/**
 * Waits `ms`, or less when woken: the wait puts its wake-up into `waiters` until it ends, so whoever
 * holds the set can end every wait at once (a commit, a stop).
 */
export function wakeableWait(waiters: Set<() => void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      waiters.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    waiters.add(wake);
  });
}
