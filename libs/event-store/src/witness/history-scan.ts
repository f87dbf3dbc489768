import { GENESIS_HASH } from '../hash-chain';
import { EventRow, rowHash } from '../sqlite/sqlite-schema';

/** Stored rows, byte for byte, in position order: what the embedded store's `readAllRows` answers. */
export interface HistorySource {
  readAllRows(options: { after?: number; until?: number; limit?: number }): EventRow[];
  headPosition(): Promise<number>;
}

/** Reads the rows after a position in pages, so a long history is never held in memory at once. */
export function* historyRows(source: HistorySource, after = 0, until?: number, page = 5000): Generator<EventRow> {
  let last = after;
  for (;;) {
    const rows = source.readAllRows({ after: last, until, limit: page });
    yield* rows;
    if (rows.length < page) return;
    last = rows[rows.length - 1].position;
  }
}

export interface Finding {
  readonly position: number;
  readonly reason: string;
}

/** What one pass over today's history found, computed from the rows' content only. */
export interface HistoryScan {
  /** Last position read. */
  readonly head: number;
  /** The chain hash recomputed from content, ignoring the stored hashes, at every position asked for. */
  readonly recomputed: ReadonlyMap<number, string>;
  /** The recomputed hash at the head. */
  readonly headHash: string;
  /** First position that is absent although later ones exist. */
  readonly missing: Finding | null;
  /** First row whose stored hashes disagree with its content or its predecessor (an edit not re-hashed). */
  readonly chainBreak: Finding | null;
  /** First row out of order: a stream revision skipped or repeated, or a recorded time going backwards. */
  readonly disorder: Finding | null;
}

/**
 * Recomputes the chain from the genesis hash over the rows' content, fed in position order. A hash
 * chain commits each position to everything before it, so a hash recomputed here that equals a
 * witnessed one proves the whole prefix unchanged; the findings name where and how a prefix that
 * does not match was changed.
 */
export class HistoryScanner {
  private readonly recomputed = new Map<number, string>();
  private readonly revisions = new Map<string, number>();
  private prev = GENESIS_HASH;
  private storedPrev = GENESIS_HASH;
  private expected = 1;
  private lastRecordedAt = '';
  private missing: Finding | null = null;
  private chainBreak: Finding | null = null;
  private disorder: Finding | null = null;

  constructor(private readonly wanted: ReadonlySet<number>) {
    if (wanted.has(0)) this.recomputed.set(0, GENESIS_HASH);
  }

  feed(r: EventRow): void {
    const expected = this.expected;
    if (r.position !== expected && !this.missing) this.missing = { position: expected, reason: `位置 ${expected} 的事件缺失 (event at position ${expected} is missing)` };
    if (!this.disorder) {
      const rev = this.revisions.get(r.stream_id) ?? -1;
      if (r.stream_revision !== rev + 1) {
        this.disorder = { position: r.position, reason: `事件流 ${r.stream_id} 的版本由 ${rev} 跳到 ${r.stream_revision} (stream revision out of order)` };
      } else if (r.recorded_at < this.lastRecordedAt) {
        this.disorder = { position: r.position, reason: `记录时间早于前一事件 (recorded ${r.recorded_at} before ${this.lastRecordedAt})` };
      }
    }
    this.revisions.set(r.stream_id, r.stream_revision);
    if (r.recorded_at > this.lastRecordedAt) this.lastRecordedAt = r.recorded_at;
    // While the stored chain agrees with the recomputed one, one hash serves both checks.
    const own = rowHash(r);
    if (!this.chainBreak) {
      if (r.prev_hash !== this.storedPrev) this.chainBreak = { position: r.position, reason: '前一哈希与链不符 (previous hash does not match the chain)' };
      else if (own !== r.hash) this.chainBreak = { position: r.position, reason: '内容与其哈希不符 (stored content does not match its hash)' };
    }
    this.storedPrev = r.hash;
    this.prev = r.prev_hash === this.prev ? own : rowHash({ ...r, prev_hash: this.prev });
    if (this.wanted.has(r.position)) this.recomputed.set(r.position, this.prev);
    this.expected = r.position + 1;
  }

  result(): HistoryScan {
    return {
      head: this.expected - 1,
      recomputed: this.recomputed,
      headHash: this.prev,
      missing: this.missing,
      chainBreak: this.chainBreak,
      disorder: this.disorder,
    };
  }
}

/** Rows per page of a scan: a few milliseconds of hashing, so appends waiting meanwhile are not held up long. */
export const SCAN_PAGE = 500;

/**
 * A scan of a store up to `until`, a page at a time, yielding to the event loop between pages: a pass
 * over a city's history must not hold up the appends and requests that arrive meanwhile.
 */
export async function scanSource(source: HistorySource, positions: Iterable<number>, until: number, page = SCAN_PAGE): Promise<HistoryScan> {
  const scanner = new HistoryScanner(new Set(positions));
  let after = 0;
  for (;;) {
    const rows = source.readAllRows({ after, until, limit: page });
    for (const r of rows) scanner.feed(r);
    if (rows.length < page) return scanner.result();
    after = rows[rows.length - 1].position;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Extends a witnessed hash over the rows after it: the chain hash at the last row, or a finding
 * when the rows do not follow on from it (so a new checkpoint is never signed over a rewritten past).
 */
export function extendChain(from: { position: number; hash: string }, rows: Iterable<EventRow>): { position: number; hash: string } | Finding {
  let prev = from.hash;
  let position = from.position;
  let first = true;
  for (const r of rows) {
    if (r.position !== position + 1) return { position: position + 1, reason: `位置 ${position + 1} 的事件缺失 (missing)` };
    // The stored chain must hang on the witnessed hash; after that the content alone decides.
    if (first && r.prev_hash !== prev) return { position: r.position, reason: '与上一检查点不衔接：之前的历史已被改动 (does not follow the last checkpoint)' };
    first = false;
    // The same hash either way; a copy of the row only where its stored predecessor differs.
    prev = rowHash(r.prev_hash === prev ? r : { ...r, prev_hash: prev });
    if (prev !== r.hash) return { position: r.position, reason: '内容与其哈希不符 (stored content does not match its hash)' };
    position = r.position;
  }
  return { position, hash: prev };
}
