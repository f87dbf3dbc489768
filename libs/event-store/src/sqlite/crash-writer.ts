/**
 * Child process of the crash test: appends forever and prints each acknowledged append,
 * so the parent knows exactly what the store promised before the SIGKILL.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from './sqlite-event-store';

const file = process.argv[2];
const worker = process.argv[3] ?? 'w';
const store = new SqliteEventStore({ file, writer: process.argv[4] === 'thread' || process.argv[4] === 'auto' ? process.argv[4] : 'inline' });
const actor = { userId: 'crash-test', role: 'operator', unitId: null };

async function main(): Promise<void> {
  for (let i = 0; ; i++) {
    const streamId = `crash-${worker}-${i % 7}`;
    const batch = 1 + (i % 3);
    const events = Array.from({ length: batch }, (_, k) => ({
      eventId: randomUUID(),
      type: 'CrashTestEvent',
      data: { i, k },
      occurredAt: new Date().toISOString(),
      actor,
      correlationId: `c-${i}`,
    }));
    // Two appends in the same tick exercise group commit; a lone one every other time ('auto' commits it on the store's own connection).
    const written = await Promise.all([
      store.append(streamId, events, 'any'),
      ...(i % 2 === 0 ? [store.append(`${streamId}-pair`, [{ ...events[0], eventId: randomUUID() }], 'any')] : []),
    ]);
    process.stdout.write(`ack ${written.flatMap((w) => w.eventIds).join(' ')}\n`);
  }
}

void main();
