import { approximateBytes } from './approximate-bytes';

export interface MemoBudget {
  /** Most entries kept. */
  readonly entries: number;
  /** Most bytes kept, by approximateBytes of the loaded values. */
  readonly bytes: number;
}

interface Entry {
  readonly value: Promise<unknown>;
  /** 0 while loading. */
  bytes: number;
}

/**
 * Values read for a moment, least recently used dropped first, within a count and a byte budget:
 * a whole campaign's rows and what is prepared from them take tens of MiB each at twice the demo
 * city, so a count alone let a run of past moments each asked once hold most of the server's heap.
 * Concurrent requests for one key share one load; a value that turns out no longer valid when
 * loaded, or that does not fit the budget on its own, is returned but not kept.
 */
export class MomentMemos {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly budget: MemoBudget) {}

  /** Entries and bytes kept (loads under way count no bytes yet). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  remember<T>(key: string, load: () => Promise<T>, stillValid: () => Promise<boolean>): Promise<T> {
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.value as Promise<T>;
    }
    const entry: Entry = { value: Promise.resolve(), bytes: 0 };
    const loading = load().then(async (value) => {
      if (!(await stillValid())) this.drop(key, entry);
      else if (this.entries.get(key) === entry) {
        entry.bytes = approximateBytes(value);
        this.bytes += entry.bytes;
        this.trim();
      }
      return value;
    });
    loading.catch(() => this.drop(key, entry));
    (entry as { value: Promise<unknown> }).value = loading;
    this.entries.set(key, entry);
    this.trim();
    return loading;
  }

  private drop(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private trim(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.budget.entries && this.bytes <= this.budget.bytes) return;
      this.drop(key, entry);
    }
  }
}
