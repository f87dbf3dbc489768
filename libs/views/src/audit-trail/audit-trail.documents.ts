import type { StoredEvent } from '@platform/event-store';

export const AUDIT_EVENTS = 'audit_events';
export const AUDIT_STREAM_UNITS = 'audit_stream_units';
export const AUDIT_BLOCKS = 'audit_blocks';

/**
 * An event recorded more than this long after the time it says it happened is flagged as
 * backdated. A day leaves room for the usual "entered the next morning" while catching records
 * made up after the fact (a meeting entered a week later, a closure dated before its deadline).
 */
export const BACKDATING_THRESHOLD_HOURS = 24;
const BACKDATING_THRESHOLD_MS = BACKDATING_THRESHOLD_HOURS * 3_600_000;

/** How long after the time it claims an event was recorded, and whether that makes it backdated. */
export function backdating(e: Pick<StoredEvent, 'occurredAt' | 'recordedAt'>): { recordedAfterMs: number; backdated: boolean } {
  const recordedAfterMs = Date.parse(e.recordedAt) - Date.parse(e.occurredAt);
  return { recordedAfterMs, backdated: recordedAfterMs > BACKDATING_THRESHOLD_MS };
}

/** One stored event as the audit trail indexes it; the payload is read from the event store. */
export interface AuditEventDoc
  extends Pick<
    StoredEvent,
    'position' | 'eventId' | 'streamId' | 'streamRevision' | 'type' | 'schemaVersion' | 'occurredAt' | 'recordedAt' | 'correlationId' | 'causationId' | 'hash'
  > {
  /** The position, zero-padded, so `_id` order is history order. */
  readonly _id: string;
  /** recordedAt − occurredAt. */
  readonly recordedAfterMs: number;
  readonly backdated: boolean;
  readonly actor: { userId: string; role: string; unitId: string | null };
  /** The units the event is about: whose auditors may see it. */
  readonly unitIds: string[];
}

/** The units of a stream whose later events do not name them (a problem's, after its registration). */
export interface AuditStreamUnitsDoc {
  readonly _id: string;
  readonly unitIds: string[];
}

export const auditEventId = (position: number) => String(position).padStart(16, '0');

/** Positions a block of the trail spans: the city's history is a few hundred blocks. */
export const AUDIT_BLOCK_SIZE = 1000;

/**
 * The earliest and latest times of the entries of a thousand positions in a row: a search of a time
 * range walks only the blocks whose times overlap it, instead of the trail from its cursor to the
 * first entry of the range (a month in the middle of the city's history, newest first: every later
 * entry, 0.3-0.4 s). Times rise with positions but not in step (a backdated entry claims an earlier
 * time), so a block keeps both bounds of both times.
 */
export interface AuditBlockDoc {
  /** The block's number, zero-padded, so `_id` order is history order. */
  readonly _id: string;
  /** The first and last positions the block spans, whether or not each holds an entry. */
  readonly first: number;
  readonly last: number;
  readonly occurredMin: string;
  readonly occurredMax: string;
  readonly recordedMin: string;
  readonly recordedMax: string;
}

export const auditBlockId = (position: number) => String(Math.floor(position / AUDIT_BLOCK_SIZE)).padStart(8, '0');

/** The block of the entry's position, widened to the entry's times (made when absent). */
export function widenBlock(current: AuditBlockDoc | null, e: Pick<AuditEventDoc, 'position' | 'occurredAt' | 'recordedAt'>): AuditBlockDoc {
  if (!current) {
    const first = Math.floor(e.position / AUDIT_BLOCK_SIZE) * AUDIT_BLOCK_SIZE;
    return { _id: auditBlockId(e.position), first, last: first + AUDIT_BLOCK_SIZE - 1, occurredMin: e.occurredAt, occurredMax: e.occurredAt, recordedMin: e.recordedAt, recordedMax: e.recordedAt };
  }
  return {
    ...current,
    occurredMin: e.occurredAt < current.occurredMin ? e.occurredAt : current.occurredMin,
    occurredMax: e.occurredAt > current.occurredMax ? e.occurredAt : current.occurredMax,
    recordedMin: e.recordedAt < current.recordedMin ? e.recordedAt : current.recordedMin,
    recordedMax: e.recordedAt > current.recordedMax ? e.recordedAt : current.recordedMax,
  };
}
