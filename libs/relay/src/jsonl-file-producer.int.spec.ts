import { SqliteEventStore } from '@platform/event-store';
import { newEvent } from '@platform/event-store/testing/event-store.contract';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonlFileProducer } from './jsonl-file-producer';
import { RelayTracker } from './relay-status';

const message = (n: number) => ({ key: `problem-p${n}`, value: JSON.stringify({ position: n }), headers: { position: String(n) } });

describe('the relay without Kafka', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'relay-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends whole lines, and cuts off a line a killed process left half written before it appends again', async () => {
    const file = join(dir, 'integration-events.jsonl');
    await new JsonlFileProducer(file).send([message(1), message(2)]);
    appendFileSync(file, '{"key":"problem-p3","val');
    await new JsonlFileProducer(file).send([message(3)]);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l).key)).toEqual(['problem-p1', 'problem-p2', 'problem-p3']);
  });

  it('reports its lag in events and in time from its checkpoint, and failing until a batch goes through again', async () => {
    const events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    for (let i = 0; i < 5; i++) await events.append(`problem-p${i}`, [newEvent('ProblemRegistered', { problemId: `p${i}` })], 'any');
    const [, second] = await events.readAll({ limit: 2 });
    const now = new Date(Date.parse(second.recordedAt) + 4_000);
    const tracker = new RelayTracker(events, 1, () => now);
    expect(await tracker.status()).toMatchObject({ position: 1, head: 5, lagEvents: 4, behindSeconds: 4, failing: false });
    tracker.onStep({ error: new Error('broker unreachable') });
    expect(await tracker.status()).toMatchObject({ failing: true, lastError: 'broker unreachable' });
    tracker.onStep({ read: 4, published: 4, position: 5 });
    expect(await tracker.status()).toMatchObject({ position: 5, lagEvents: 0, behindSeconds: 0, failing: false, published: 4 });
    // Over a store that cannot count between two positions (KurrentDB's), the lag is the time alone.
    const uncounted = new RelayTracker({ readAll: (o) => events.readAll(o), headPosition: () => events.headPosition(), countEvents: async () => null }, 1, () => now);
    expect(await uncounted.status()).toMatchObject({ position: 1, head: 5, lagEvents: null, behindSeconds: 4 });
    await events.close();
  });
});
