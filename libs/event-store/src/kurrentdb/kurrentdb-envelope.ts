import { NewEvent, StoredEvent } from '../event-envelope';
import { chainHash, ChainReport, GENESIS_HASH } from '../hash-chain';
import { UpcasterRegistry } from '../upcasters';

/**
 * How the platform's envelope sits in a KurrentDB event: the event id, type and data are
 * KurrentDB's own (JSON, readable by its projections and UI); everything else is metadata,
 * with KurrentDB's `$correlationId`/`$causationId` so its system projections follow commands.
 */
export interface KurrentMetadata
  extends Pick<StoredEvent, 'schemaVersion' | 'occurredAt' | 'recordedAt' | 'actor' | 'correlationId' | 'causationId' | 'idempotencyKey' | 'commandFingerprint'> {
  /** The hash of the previous event of the same stream (GENESIS_HASH for revision 0): a per-stream chain. */
  readonly prevHash: string;
  readonly hash: string;
  readonly $correlationId: string;
  readonly $causationId?: string;
}

export interface KurrentRecord {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: { readonly commit: bigint; readonly prepare: bigint };
}

/**
 * Positions are KurrentDB's commit positions (byte offsets in its log, equal to the prepare
 * positions since the platform writes no explicit transactions): increasing in commit order but
 * not dense. As JavaScript numbers they are exact up to 2^53 bytes of log (8 PiB); beyond that
 * the adapter refuses to answer rather than round.
 */
export function encodePosition(position: { commit: bigint } | undefined): number {
  if (!position) throw new Error('KurrentDB returned an event without its $all position');
  if (position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`KurrentDB position ${position.commit} exceeds 2^53: internal positions are numbers (docs/architecture.md)`);
  }
  return Number(position.commit);
}

/** The $all position to read from so that only events after `position` come back (the read is inclusive). */
export function decodePosition(position: number): { commit: bigint; prepare: bigint } {
  const p = BigInt(position);
  return { commit: p, prepare: p };
}

/**
 * The per-stream hash: the same fields as the embedded store's global chain, except the global
 * position, unknown until the server commits; the global order is the notary's to chain.
 */
export function streamHash(prevHash: string, f: Omit<Parameters<typeof chainHash>[1], 'position'>): string {
  return chainHash(prevHash, { ...f, position: 0 });
}

function hashedMetadataJson(m: Pick<KurrentMetadata, 'actor' | 'correlationId' | 'causationId' | 'commandFingerprint'>): string {
  return JSON.stringify({
    actor: m.actor,
    correlationId: m.correlationId,
    causationId: m.causationId ?? null,
    ...(m.commandFingerprint ? { commandFingerprint: m.commandFingerprint } : {}),
  });
}

export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: KurrentMetadata;
}

/** The events of one append, chained onto the stream's last hash. */
export function prepareEvents(
  streamId: string,
  events: readonly NewEvent[],
  from: { revision: number; hash: string },
  recordedAt: string,
): PreparedEvent[] {
  let prevHash = from.hash;
  return events.map((e, i) => {
    const base = {
      schemaVersion: e.schemaVersion ?? 1,
      occurredAt: e.occurredAt,
      recordedAt,
      actor: e.actor,
      correlationId: e.correlationId,
      causationId: e.causationId ?? null,
      idempotencyKey: e.idempotencyKey ?? null,
      commandFingerprint: e.commandFingerprint ?? null,
    };
    const data = e.data ?? null;
    const hash = streamHash(prevHash, {
      eventId: e.eventId,
      streamId,
      streamRevision: from.revision + 1 + i,
      type: e.type,
      schemaVersion: base.schemaVersion,
      dataJson: JSON.stringify(data),
      metadataJson: hashedMetadataJson(base),
      occurredAt: base.occurredAt,
      recordedAt,
    });
    const metadata: KurrentMetadata = {
      ...base,
      prevHash,
      hash,
      $correlationId: e.correlationId,
      ...(e.causationId ? { $causationId: e.causationId } : {}),
    };
    prevHash = hash;
    return { id: e.eventId, type: e.type, data, metadata };
  });
}

/** The envelope of a stored KurrentDB event; `streamId` without the store's namespace. */
export function toStoredEvent(r: KurrentRecord, streamId: string, upcasters: UpcasterRegistry): StoredEvent {
  const m = r.metadata as KurrentMetadata;
  const { version, data } = upcasters.isEmpty ? { version: m.schemaVersion, data: r.data } : upcasters.apply(r.type, m.schemaVersion, r.data);
  return {
    position: encodePosition(r.position),
    eventId: r.id,
    streamId,
    streamRevision: Number(r.revision),
    type: r.type,
    schemaVersion: version,
    data,
    occurredAt: m.occurredAt,
    recordedAt: m.recordedAt,
    actor: m.actor,
    correlationId: m.correlationId,
    causationId: m.causationId ?? null,
    idempotencyKey: m.idempotencyKey ?? null,
    commandFingerprint: m.commandFingerprint ?? null,
    prevHash: m.prevHash,
    hash: m.hash,
  };
}

/** Recomputes an event's per-stream hash from what is stored (events read without upcasters). */
export function recomputedHash(e: StoredEvent): string {
  return streamHash(e.prevHash, {
    eventId: e.eventId,
    streamId: e.streamId,
    streamRevision: e.streamRevision,
    type: e.type,
    schemaVersion: e.schemaVersion,
    dataJson: JSON.stringify(e.data ?? null),
    metadataJson: hashedMetadataJson(e),
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
  });
}

/**
 * Verifies every stream's chain over history in $all order: each event follows its stream's
 * previous revision and hash, and its content matches its hash. What a per-stream chain cannot
 * show (a stream's newest events removed, a whole stream removed) is the global notary's part.
 */
export function verifyStreamChains(events: Iterable<StoredEvent>): ChainReport {
  const tails = new Map<string, { revision: number; hash: string }>();
  let checked = 0;
  let head = 0;
  for (const e of events) {
    const tail = tails.get(e.streamId) ?? { revision: -1, hash: GENESIS_HASH };
    const broken = (reason: string): ChainReport => ({ ok: false, checked, headPosition: e.position, firstBrokenPosition: e.position, reason });
    if (e.streamRevision !== tail.revision + 1) return broken(`stream ${e.streamId}: revision ${tail.revision + 1} is missing`);
    if (e.prevHash !== tail.hash) return broken(`stream ${e.streamId}: previous hash does not match the chain`);
    if (recomputedHash(e) !== e.hash) return broken('stored content does not match its hash');
    tails.set(e.streamId, { revision: e.streamRevision, hash: e.hash });
    checked++;
    head = e.position;
  }
  return { ok: true, checked, headPosition: head, firstBrokenPosition: null, reason: null };
}
