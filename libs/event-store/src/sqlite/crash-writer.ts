/**
 * Child process of the crash test: appends forever and prints each acknowledged append,
 * so the parent knows exactly what the store promised before the SIGKILL.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from './sqlite-event-store';

const file = process.argv[2];
const worker = process.argv[3] ?? 'w';
const store = new SqliteEventStore({ file, writer: process.argv[4] === 'thread' ? 'thread' : 'inline' });
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
    // Two appends in the same tick exercise group commit.
    const [a, b] = await Promise.all([
      store.append(streamId, events, 'any'),
      store.append(`${streamId}-pair`, [{ ...events[0], eventId: randomUUID() }], 'any'),
    ]);
    process.stdout.write(`ack ${[...a.eventIds, ...b.eventIds].join(' ')}\n`);
  }
}

void main();
