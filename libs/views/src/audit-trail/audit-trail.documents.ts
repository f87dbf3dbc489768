import type { StoredEvent } from '@platform/event-store';

export const AUDIT_EVENTS = 'audit_events';
export const AUDIT_STREAM_UNITS = 'audit_stream_units';

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
