/**
 * Failures per key (an account, an address) within a sliding window. The request throttler
 * counts requests before the handler runs; a failed password is known only after it, so failed
 * sign-ins are counted here. Each key keeps at most `limit` times, and idle keys are swept.
 */
export class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the key may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const times = this.live(key);
    return times.length < this.limit ? 0 : times[0] + this.windowMs - this.now();
  }

  record(key: string): void {
    const times = [...this.live(key), this.now()].slice(-this.limit);
    this.failures.set(key, times);
    if (this.failures.size > 10_000) this.sweep();
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private live(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }

  private sweep(): void {
    for (const key of [...this.failures.keys()]) this.live(key);
  }
}
