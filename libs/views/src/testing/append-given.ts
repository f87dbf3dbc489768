import { EventStore } from '@platform/event-store';
import type { GivenEvent } from '@platform/read-models/testing/projection-specification';
import { randomUUID } from 'node:crypto';

/**
 * Appends spec-style events to a real store, each on its own stream, as command handlers would.
 * Events without their own occurredAt happened "now", so only deliberate backdating shows as such.
 */
export async function appendGiven(store: EventStore, events: readonly GivenEvent[]): Promise<number> {
  let position = 0;
  for (const e of events) {
    const result = await store.append(
      e.streamId ?? 'misc-1',
      [
        {
          eventId: randomUUID(),
          type: e.type,
          data: e.data,
          occurredAt: e.occurredAt ?? new Date().toISOString(),
          actor: e.actor ?? { userId: 'u-test', role: 'office', unitId: null },
          correlationId: randomUUID(),
        },
      ],
      'any',
    );
    position = result.positions[0];
  }
  return position;
}
