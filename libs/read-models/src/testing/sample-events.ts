import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@platform/event-store';

const actor = { userId: 'u-test', role: 'operator', unitId: null };

export function sampleEvent(type: string, data: unknown): NewEvent {
  return { eventId: randomUUID(), type, data, occurredAt: '2026-03-01T08:00:00.000Z', actor, correlationId: randomUUID() };
}

/** Appends `count` Ticked events over `groups` groups, `perAppend` events per append. */
export async function appendTicks(
  store: EventStore,
  count: number,
  options: { groups?: number; perAppend?: number; prefix?: string } = {},
): Promise<void> {
  const groups = options.groups ?? 5;
  const perAppend = options.perAppend ?? 10;
  for (let i = 0; i < count; i += perAppend) {
    const n = Math.min(perAppend, count - i);
    const events = Array.from({ length: n }, (_, k) => sampleEvent('Ticked', { group: `g${(i + k) % groups}` }));
    await store.append(`${options.prefix ?? 'tally'}-${i % groups}`, events, 'any');
  }
}
