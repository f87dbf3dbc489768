import { StoredEvent } from '@platform/event-store';

export interface StreamOutcome {
  readonly streamId: string;
  /** The stream's revision after the command: send it back as If-Match for the next one. */
  readonly revision: number;
}

export interface CommandResult {
  readonly streams: StreamOutcome[];
  readonly positions: number[];
  readonly eventIds: string[];
  readonly eventTypes: string[];
  /** True when an Idempotency-Key matched an earlier command: its first result, nothing new written. */
  readonly replayed: boolean;
}

export function resultFromStored(events: readonly StoredEvent[], replayed: boolean): CommandResult {
  const last = new Map<string, number>();
  for (const e of events) last.set(e.streamId, Math.max(last.get(e.streamId) ?? -1, e.streamRevision));
  return {
    streams: [...last].map(([streamId, revision]) => ({ streamId, revision })),
    positions: events.map((e) => e.position),
    eventIds: events.map((e) => e.eventId),
    eventTypes: events.map((e) => e.type),
    replayed,
  };
}
