import { AppendResult, NO_REVISION, StreamWrite } from '../event-envelope';
import { IdempotencyKeyReusedError, PartialDuplicateError } from '../event-store.errors';
import { checkExpected } from '../append-checks';
import { EventRow, rowHash } from './sqlite-schema';

export interface Tail {
  position: number;
  hash: string;
}

/** What one queued append came to: its results and the rows it adds, or the error that refused it. */
export type WriteOutcome = { ok: true; results: AppendResult[]; rows: ReadonlyArray<Pick<EventRow, 'type' | 'position'>> } | { ok: false; error: unknown };

/**
 * The appends of one group commit, each checked as if it ran alone after the ones before it: against
 * the stored rows, looked up once for the whole group (its event ids and its streams' revisions),
 * and against the rows the group's earlier appends add, kept here. An append that fails its checks
 * adds nothing; the rows of those that pass are inserted together when the group is done, so a
 * commit of 64 commands costs one lookup of each kind and a prepared single-row INSERT per event,
 * not a savepoint, two lookups and an INSERT per command.
 */
export class GroupCommit {
  /** Every row the group's appends that passed add, in position order. */
  readonly rows: EventRow[] = [];

  constructor(
    /** Rows by event id: those stored before the group (as looked up), then those the group adds. */
    private readonly known: Map<string, EventRow>,
    /** Each stream's last revision: stored before the group, then as the group leaves it. */
    private readonly revisions: Map<string, number>,
    private tail: Tail,
    private readonly recordedAt: string,
  ) {}

  write(writes: readonly StreamWrite[]): WriteOutcome {
    try {
      let tail = this.tail;
      const rows: EventRow[] = [];
      const results = writes.map((w) => {
        const r = this.writeStream(w, tail);
        tail = r.tail;
        for (const row of r.rows) rows.push(row);
        return r.result;
      });
      // Only now, with every stream of the append checked, does what it adds become visible to the appends after it.
      this.tail = tail;
      for (const row of rows) {
        this.known.set(row.event_id, row);
        this.rows.push(row);
      }
      for (const r of results) if (!r.deduplicated) this.revisions.set(r.streamId, r.nextExpectedRevision);
      return { ok: true, results, rows };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private writeStream(w: StreamWrite, start: Tail): { result: AppendResult; rows: EventRow[]; tail: Tail } {
    const stored = w.events.map((e) => this.known.get(e.eventId));
    const found = stored.filter((r): r is EventRow => r !== undefined);
    const current = this.revisions.get(w.streamId) ?? NO_REVISION;
    if (found.length > 0) {
      // Checked in the writing transaction: a racing command under the same key but with another body loses here.
      const reused = w.events.some((e, i) => stored[i] !== undefined && storedFingerprint(stored[i]) !== (e.commandFingerprint ?? null));
      if (reused) {
        throw new IdempotencyKeyReusedError(w.streamId);
      }
      if (found.length !== w.events.length || found.some((r) => r.stream_id !== w.streamId)) {
        throw new PartialDuplicateError(w.streamId, found.map((r) => r.event_id));
      }
      return {
        tail: start,
        rows: [],
        result: {
          streamId: w.streamId,
          nextExpectedRevision: current,
          positions: found.map((r) => r.position),
          eventIds: found.map((r) => r.event_id),
          deduplicated: true,
        },
      };
    }
    checkExpected(w.streamId, w.expected, current);
    let tail = start;
    const rows = w.events.map((e, i): EventRow => {
      const row: EventRow = {
        position: tail.position + 1,
        event_id: e.eventId,
        stream_id: w.streamId,
        stream_revision: current + 1 + i,
        type: e.type,
        schema_version: e.schemaVersion ?? 1,
        data: JSON.stringify(e.data ?? null),
        metadata: JSON.stringify({
          actor: e.actor,
          correlationId: e.correlationId,
          causationId: e.causationId ?? null,
          ...(e.commandFingerprint ? { commandFingerprint: e.commandFingerprint } : {}),
        }),
        occurred_at: e.occurredAt,
        recorded_at: this.recordedAt,
        idempotency_key: e.idempotencyKey ?? null,
        prev_hash: tail.hash,
        hash: '',
      };
      row.hash = rowHash(row);
      tail = { position: row.position, hash: row.hash };
      return row;
    });
    return {
      tail,
      rows,
      result: {
        streamId: w.streamId,
        nextExpectedRevision: current + w.events.length,
        positions: rows.map((r) => r.position),
        eventIds: w.events.map((e) => e.eventId),
        deduplicated: false,
      },
    };
  }
}

function storedFingerprint(r: EventRow): string | null {
  return (JSON.parse(r.metadata) as { commandFingerprint?: string }).commandFingerprint ?? null;
}
