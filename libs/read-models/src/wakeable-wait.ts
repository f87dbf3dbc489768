/**
 * Resolves after `ms`, or as soon as the waker it registers in `waiters` is called (whoever has
 * news calls every waker there); it leaves the set either way.
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
