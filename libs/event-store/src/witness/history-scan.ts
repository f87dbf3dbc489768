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
 * Recomputes the chain from the genesis hash over the rows' content. A hash chain commits each
 * position to everything before it, so a hash recomputed here that equals a witnessed one proves
 * the whole prefix unchanged; the findings name where and how a prefix that does not match was changed.
 */
export function scanHistory(rows: Iterable<EventRow>, positions: Iterable<number>): HistoryScan {
  const wanted = new Set(positions);
  const recomputed = new Map<number, string>();
  if (wanted.has(0)) recomputed.set(0, GENESIS_HASH);
  const revisions = new Map<string, number>();
  let prev = GENESIS_HASH;
  let storedPrev = GENESIS_HASH;
  let expected = 1;
  let lastRecordedAt = '';
  let missing: Finding | null = null;
  let chainBreak: Finding | null = null;
  let disorder: Finding | null = null;
  for (const r of rows) {
    if (r.position !== expected && !missing) missing = { position: expected, reason: `位置 ${expected} 的事件缺失 (event at position ${expected} is missing)` };
    if (!disorder) {
      const rev = revisions.get(r.stream_id) ?? -1;
      if (r.stream_revision !== rev + 1) {
        disorder = { position: r.position, reason: `事件流 ${r.stream_id} 的版本由 ${rev} 跳到 ${r.stream_revision} (stream revision out of order)` };
      } else if (r.recorded_at < lastRecordedAt) {
        disorder = { position: r.position, reason: `记录时间早于前一事件 (recorded ${r.recorded_at} before ${lastRecordedAt})` };
      }
    }
    revisions.set(r.stream_id, r.stream_revision);
    lastRecordedAt = r.recorded_at > lastRecordedAt ? r.recorded_at : lastRecordedAt;
    if (!chainBreak) {
      if (r.prev_hash !== storedPrev) chainBreak = { position: r.position, reason: '前一哈希与链不符 (previous hash does not match the chain)' };
      else if (rowHash(r) !== r.hash) chainBreak = { position: r.position, reason: '内容与其哈希不符 (stored content does not match its hash)' };
    }
    storedPrev = r.hash;
    prev = rowHash({ ...r, prev_hash: prev });
    if (wanted.has(r.position)) recomputed.set(r.position, prev);
    expected = r.position + 1;
  }
  return { head: expected - 1, recomputed, headHash: prev, missing, chainBreak, disorder };
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
    prev = rowHash({ ...r, prev_hash: prev });
    if (prev !== r.hash) return { position: r.position, reason: '内容与其哈希不符 (stored content does not match its hash)' };
    position = r.position;
  }
  return { position, hash: prev };
}
