import type { Database as Db, Statement } from 'better-sqlite3';
import { GENESIS_HASH } from '../hash-chain';
import { EventRow, rowHash } from '../sqlite/sqlite-schema';
import { isBusy } from '../sqlite/open-database';

/** A verified point of the chain: every event up to `position` checked, the last one's hash. */
export interface ChainPoint {
  readonly position: number;
  readonly hash: string;
}

export type ChainVerdict =
  | { readonly ok: true; readonly tip: ChainPoint; readonly checked: number }
  | { readonly ok: false; readonly brokenAt: number; readonly reason: string; readonly tip: ChainPoint; readonly checked: number };

/**
 * Breaks an administrator has acknowledged: position → the stored hash found there when
 * acknowledged (null when the position was missing). Verification accepts such a break as it was
 * and carries on from it; the same position changed again is a new break.
 */
export type AcknowledgedBreaks = ReadonlyMap<number, string | null>;

const GENESIS: ChainPoint = { position: 0, hash: GENESIS_HASH };
const CHUNK = 250;
/**
 * How long a sweep reads and hashes before it gives the loop a turn (ms). A chunk of 2,000 rows
 * held the thread that answers requests 8-17 ms in its read alone, under write load.
 */
const SLICE_MS = 4;

/**
 * Verifies the event store's hash chain incrementally: from a persisted marker (last verified
 * position and hash, in the store's own file, so a restored backup brings its own marker) to the
 * head, re-checking the marker's event first. A marker whose event changed or vanished, or a
 * history with a gap, sends verification back to the first event so the break is named exactly.
 * Rows are read in chunks, with a turn of the event loop every few milliseconds, so a background sweep
 * over a long history never holds requests up.
 */
export class SqliteChainVerifier {
  private readonly stmt: {
    after: Statement<[number, number], EventRow>;
    at: Statement<[number], EventRow>;
    extent: Statement<[], { n: number; head: number | null }>;
    marker: Statement<[], { position: number; hash: string }>;
    save: Statement<[number, string, string]>;
    clear: Statement<[]>;
  };

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS chain_verification (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      position    INTEGER NOT NULL,
      hash        TEXT    NOT NULL,
      verified_at TEXT    NOT NULL
    )`);
    this.stmt = {
      after: db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      at: db.prepare('SELECT * FROM events WHERE position = ?'),
      extent: db.prepare('SELECT count(*) AS n, max(position) AS head FROM events'),
      marker: db.prepare('SELECT position, hash FROM chain_verification WHERE id = 1'),
      save: db.prepare(
        `INSERT INTO chain_verification (id, position, hash, verified_at) VALUES (1, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET position = excluded.position, hash = excluded.hash, verified_at = excluded.verified_at`,
      ),
      clear: db.prepare('DELETE FROM chain_verification'),
    };
  }

  marker(): ChainPoint | null {
    return this.stmt.marker.get() ?? null;
  }

  /** Forgets the marker: the next verification starts from the first event. */
  resetMarker(): void {
    this.stmt.clear.run();
  }

  /** From the marker to the head; from the first event when the marker cannot be trusted. Moves the marker. */
  async incremental(acknowledged: AcknowledgedBreaks = new Map()): Promise<ChainVerdict> {
    const marker = this.marker();
    const { n, head } = this.stmt.extent.get() ?? { n: 0, head: null };
    const trusted = marker !== null && n === (head ?? 0) && this.stillHolds(marker);
    if (!trusted) return this.full(acknowledged);
    return this.settle(await this.walk(marker, acknowledged), marker, acknowledged);
  }

  /** Every event from the first one. Moves the marker when the chain holds. */
  async full(acknowledged: AcknowledgedBreaks = new Map()): Promise<ChainVerdict> {
    return this.settle(await this.walk(GENESIS, acknowledged), this.marker(), acknowledged);
  }

  /**
   * A chain that holds up to a head below the marker lost its tail (verified events are gone):
   * a break at the first missing position, unless acknowledged.
   */
  private settle(verdict: ChainVerdict, marker: ChainPoint | null, acknowledged: AcknowledgedBreaks): ChainVerdict {
    if (!verdict.ok) return verdict;
    const missing = verdict.tip.position + 1;
    if (marker && marker.position > verdict.tip.position && !acknowledgedAt(acknowledged, missing, null)) {
      return {
        ok: false,
        brokenAt: missing,
        reason: `events ${missing}–${marker.position} were verified before and are missing now`,
        tip: verdict.tip,
        checked: verdict.checked,
      };
    }
    try {
      this.stmt.save.run(verdict.tip.position, verdict.tip.hash, this.clock().toISOString());
    } catch (error) {
      // Another process holds the file's write lock longer than a statement waits (a service
      // starting beside a busy one): the chain was verified all the same, and the marker, which
      // only spares the next verification work, moves with the next one.
      if (!isBusy(error)) throw error;
    }
    return verdict;
  }

  private stillHolds(marker: ChainPoint): boolean {
    if (marker.position === 0) return true;
    const row = this.stmt.at.get(marker.position);
    return row !== undefined && row.hash === marker.hash && rowHash(row) === row.hash;
  }

  private async walk(from: ChainPoint, acknowledged: AcknowledgedBreaks): Promise<ChainVerdict> {
    let prev = from.hash;
    let expected = from.position + 1;
    let checked = 0;
    let slice = performance.now();
    for (;;) {
      const rows = this.stmt.after.all(expected - 1, CHUNK);
      if (rows.length === 0) break;
      for (const r of rows) {
        const problem =
          r.position !== expected
            ? { at: expected, found: null, reason: `position ${expected} is missing` }
            : r.prev_hash !== prev
              ? { at: r.position, found: r.hash, reason: 'previous hash does not match the chain' }
              : rowHash(r) !== r.hash
                ? { at: r.position, found: r.hash, reason: 'stored content does not match its hash' }
                : null;
        if (problem && !acknowledgedAt(acknowledged, problem.at, problem.found)) {
          return { ok: false, brokenAt: problem.at, reason: problem.reason, tip: { position: expected - 1, hash: prev }, checked };
        }
        prev = r.hash;
        expected = r.position + 1;
        checked++;
      }
      if (rows.length < CHUNK) break;
      if (performance.now() - slice < SLICE_MS) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    return { ok: true, tip: { position: expected - 1, hash: prev }, checked };
  }
}

function acknowledgedAt(acknowledged: AcknowledgedBreaks, position: number, found: string | null): boolean {
  return acknowledged.has(position) && acknowledged.get(position) === found;
}
