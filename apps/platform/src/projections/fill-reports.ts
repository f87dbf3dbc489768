/** How often the thread tells the platform where a fill stands: often enough for a bar, not per batch. */
export const FILL_REPORT_EVERY_MS = 500;

/**
 * A fill's positions, told at most once per FILL_REPORT_EVERY_MS (each message wakes the API's
 * loop, and a fill reports after every batch of every projection), and its end always.
 */
export class FillReports {
  private last = 0;

  constructor(
    private readonly send: (position: number, head: number, done: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  note(position: number, head: number): void {
    const now = this.now();
    if (now - this.last < FILL_REPORT_EVERY_MS) return;
    this.last = now;
    this.send(position, head, false);
  }

  ended(head: number): void {
    this.send(head, head, true);
  }
}
