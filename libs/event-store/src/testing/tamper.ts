import type { Database } from 'better-sqlite3';
import { StoredEvent } from '../event-envelope';
import { GENESIS_HASH } from '../hash-chain';
import { recomputedHash } from '../kurrentdb/kurrentdb-envelope';
import { linkHash } from '../notary/notary-chain';
import { EventRow, rowHash } from '../sqlite/sqlite-schema';

/**
 * What an insider with write access to events.sqlite can do, and the chain alone does not show:
 * every edit is followed by re-hashing the whole chain after it, so the stored chain is intact again.
 */
export function rehashFrom(db: Database, position: number): void {
  const rows = db.prepare<[number], EventRow>('SELECT * FROM events WHERE position >= ? ORDER BY position').all(position);
  let prev = db.prepare<[number], { hash: string }>('SELECT hash FROM events WHERE position = ?').get(position - 1)?.hash ?? GENESIS_HASH;
  const update = db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE position = ?');
  db.transaction(() => {
    for (const r of rows) {
      const hash = rowHash({ ...r, prev_hash: prev });
      update.run(prev, hash, r.position);
      prev = hash;
    }
  })();
}

/** Changes one event's data and re-hashes everything after it. */
export function rewriteEvent(db: Database, position: number, data: unknown): void {
  db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), position);
  rehashFrom(db, position);
}

/** Deletes the last events: the chain that remains is intact, only shorter. */
export function truncateAfter(db: Database, position: number): void {
  db.prepare('DELETE FROM events WHERE position > ?').run(position);
}

/** Swaps two events' places in history (everything but the position), re-hashing from the first unless told not to. */
export function swapEvents(db: Database, a: number, b: number, options: { rehash: boolean } = { rehash: true }): void {
  const get = db.prepare<[number], EventRow>('SELECT * FROM events WHERE position = ?');
  const ra = get.get(a);
  const rb = get.get(b);
  if (!ra || !rb) throw new Error(`swapEvents: no event at ${ra ? b : a}`);
  const insert = db.prepare(
    `INSERT INTO events (position, event_id, stream_id, stream_revision, type, schema_version, data, metadata,
       occurred_at, recorded_at, idempotency_key, prev_hash, hash)
     VALUES (@position, @event_id, @stream_id, @stream_revision, @type, @schema_version, @data, @metadata,
       @occurred_at, @recorded_at, @idempotency_key, @prev_hash, @hash)`,
  );
  db.transaction(() => {
    db.prepare('DELETE FROM events WHERE position IN (?, ?)').run(a, b);
    insert.run({ ...rb, position: a });
    insert.run({ ...ra, position: b });
  })();
  if (options.rehash) rehashFrom(db, Math.min(a, b));
}

/**
 * The insider of a store with one hash chain per stream (KurrentDB): an event's data changed, then
 * its stream's chain recomputed from it, so every stream's chain verifies again. Only a record of
 * the hashes made before the change (the notary's) shows it. Returns the tampered history.
 */
export function rechainStream(events: readonly StoredEvent[], position: number, data: unknown): StoredEvent[] {
  const target = events.find((e) => e.position === position);
  if (!target) throw new Error(`rechainStream: no event at ${position}`);
  let prevHash: string | null = null;
  return events.map((e) => {
    if (e.streamId !== target.streamId || e.position < position) return e;
    const changed = { ...e, data: e.position === position ? data : e.data, prevHash: prevHash ?? e.prevHash };
    const rechained = { ...changed, hash: recomputedHash(changed) };
    prevHash = rechained.hash;
    return rechained;
  });
}

/** Changes a notary link in the notary's own file, re-hashing the notary chain after it when told (an insider with DATA_DIR access). */
export function editNotaryLink(db: Database, seq: number, eventHash: string, options: { rehash: boolean }): void {
  db.prepare('UPDATE notary_links SET event_hash = ? WHERE seq = ?').run(eventHash, seq);
  if (!options.rehash) return;
  type Row = { seq: number; position: number; stream_id: string; revision: number; event_id: string; event_hash: string; prev_hash: string };
  const rows = db.prepare<[number], Row>('SELECT * FROM notary_links WHERE seq >= ? ORDER BY seq').all(seq);
  let prev = db.prepare<[number], { hash: string }>('SELECT hash FROM notary_links WHERE seq = ?').get(seq - 1)?.hash ?? GENESIS_HASH;
  const update = db.prepare('UPDATE notary_links SET prev_hash = ?, hash = ? WHERE seq = ?');
  db.transaction(() => {
    for (const r of rows) {
      const hash = linkHash(prev, r.seq, { position: r.position, streamId: r.stream_id, revision: r.revision, eventId: r.event_id, eventHash: r.event_hash });
      update.run(prev, hash, r.seq);
      prev = hash;
    }
  })();
}
