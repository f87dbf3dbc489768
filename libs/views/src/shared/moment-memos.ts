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
  /** Asked for again since loaded. */
  reused: boolean;
  /** Loaded and found still valid. */
  kept: boolean;
}

/**
 * Values read for a moment, within a count and a byte budget: a whole campaign's rows and what is
 * prepared from them take tens of MiB each at twice the demo city, so a count alone let a run of
 * past moments each asked once hold most of the server's heap. Entries never asked for again go
 * first (least recently used first), then the others: a run of moments each asked once (a user
 * stepping through history) does not push out the moments asked again and again (a notice's,
 * "a month ago"). Concurrent requests for one key share one load; a value that turns out no longer
 * valid when loaded, or that does not fit the budget on its own, is returned but not kept.
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
      known.reused = true;
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.value as Promise<T>;
    }
    const entry: Entry = { value: Promise.resolve(), bytes: 0, reused: false, kept: false };
    const loading = load().then(async (value) => {
      if (!(await stillValid())) this.drop(key, entry);
      else if (this.entries.get(key) === entry) {
        entry.bytes = approximateBytes(value);
        entry.kept = true;
        this.bytes += entry.bytes;
        this.trim(entry);
      }
      return value;
    });
    loading.catch(() => this.drop(key, entry));
    (entry as { value: Promise<unknown> }).value = loading;
    this.entries.set(key, entry);
    this.trim();
    return loading;
  }

  /**
   * Moves a loaded value to another key (the same value at a later state, see ViewMoments), as
   * recently used as it was; false when `from` holds no loaded value or `to` is taken.
   */
  carry(from: string, to: string): boolean {
    const entry = this.entries.get(from);
    if (!entry?.kept || this.entries.has(to)) return false;
    this.entries.delete(from);
    this.entries.set(to, entry);
    return true;
  }

  private drop(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** Drops entries until within the budget: those never reused, then the others, the one just loaded last. */
  private trim(loaded?: Entry): void {
    const over = () => this.entries.size > this.budget.entries || this.bytes > this.budget.bytes;
    for (const pass of [(e: Entry) => !e.reused && e !== loaded, (e: Entry) => e !== loaded, () => true]) {
      for (const [key, entry] of this.entries) {
        if (!over()) return;
        if (pass(entry)) this.drop(key, entry);
      }
    }
  }
}
