import { FailureCounter } from './failure-windows.port';

/** The embedded failure counter: each key keeps at most `limit` times in memory, and idle keys are swept. */
export class FailureWindow implements FailureCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async retryAfterMs(key: string): Promise<number> {
    const times = this.live(key);
    return times.length < this.limit ? 0 : times[0] + this.windowMs - this.now();
  }

  async record(key: string): Promise<void> {
    const times = [...this.live(key), this.now()].slice(-this.limit);
    this.failures.set(key, times);
    if (this.failures.size > 10_000) this.sweep();
  }

  async clear(key: string): Promise<void> {
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
