import { SqliteEventStore, StoredEvent } from '@platform/event-store';
import { appendTicks } from '../testing/sample-events';
import { eventually, publishFeed } from '../testing/feed-publisher';
import { FeedProjectionSource } from './feed-projection-source';
import { InMemoryFeedConsumer, InMemoryFeedTopic } from './in-memory-feed';

const positions = (events: readonly StoredEvent[]) => events.map((e) => e.position);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the projection feed merged back into position order', () => {
  let store: SqliteEventStore;
  let topic: InMemoryFeedTopic;
  const sources: FeedProjectionSource[] = [];

  beforeEach(async () => {
    store = new SqliteEventStore({ file: ':memory:' });
    topic = new InMemoryFeedTopic(4);
    // Many streams, so every partition has events of its own.
    await appendTicks(store, 120, { groups: 9, perAppend: 3 });
  });
  afterEach(async () => {
    await Promise.all(sources.splice(0).map((s) => s.stop()));
    await store.close();
  });

  function source(consumer: InMemoryFeedConsumer, projections = ['p']): FeedProjectionSource {
    const s = new FeedProjectionSource({ consumer, history: store, projections });
    sources.push(s);
    return s;
  }

  it('releases nothing until every partition gave a watermark, then every event once, in position order', async () => {
    const consumer = topic.consumer('projector', { maxBatch: 7 });
    const feed = source(consumer);
    await feed.start();
    expect(await feed.headPosition()).toBe(0);
    await publishFeed(store, topic, { batchSize: 10 });
    await eventually(async () => (await feed.headPosition()) === 120, 5000, 'head 120');
    const read = await feed.readAll({ after: 10 });
    expect(positions(read)).toEqual(range(11, 120));
    expect(read).toEqual(await store.readAll({ after: 10 }));
    // The first batch came before any watermark: the event store serves it, the feed the rest.
    expect(positions(await feed.readAll({ after: 0, limit: 15 }))).toEqual(range(1, 15));
    expect(feed.served.history).toBe(10);
    expect(consumer.delivered).toBeGreaterThan(120);
  });

  it('serves each position once though the relay sent batches twice, and filters by type and position like the store', async () => {
    await store.append('other-1', [{ ...(await store.readAll({ limit: 1 }))[0], eventId: 'x-1', type: 'Other', data: {} }], 'any');
    const feed = source(topic.consumer('projector', { maxBatch: 5 }));
    await feed.start();
    await publishFeed(store, topic, { batchSize: 8, repeat: (n) => n % 3 === 1 });
    await eventually(async () => (await feed.headPosition()) === 121, 5000, 'head 121');
    expect(positions(await feed.readAll({ after: 8 }))).toEqual(range(9, 121));
    expect(positions(await feed.readAll({ after: 30, until: 40, types: ['Other', 'Ticked'], limit: 4 }))).toEqual([31, 32, 33, 34]);
    expect(positions(await feed.readAll({ after: 8, types: ['Other'] }))).toEqual([121]);
  });

  it('after a crash, a new member resumes from the offsets committed after the checkpoint and loses nothing', async () => {
    const first = topic.consumer('projector', { maxBatch: 6 });
    const feed = source(first);
    await feed.start();
    await publishFeed(store, topic, { batchSize: 10 });
    await eventually(async () => (await feed.headPosition()) === 120, 5000, 'head 120');
    await feed.checkpointed('p', 57);
    // Every partition resumes at its last watermark at or below the checkpoint (50).
    for (let p = 0; p < 4; p++) expect(topic.committed('projector', p)).not.toBeNull();
    first.kill();

    await appendTicks(store, 30, { groups: 9, perAppend: 3, prefix: 'later' });
    await publishFeed(store, topic, { after: 120, batchSize: 10 });
    const second = topic.consumer('projector', { maxBatch: 6 });
    const resumed = source(second);
    await resumed.start();
    await eventually(async () => (await resumed.headPosition()) === 150, 5000, 'head 150');
    const read = await resumed.readAll({ after: 57 });
    expect(positions(read)).toEqual(range(58, 150));
    expect(resumed.served.history).toBe(0);
    // It was handed only what followed the committed watermarks, not the whole topic again.
    expect(second.delivered).toBeLessThan(first.delivered);
  });

  it('holds everything while another member shares the group, and goes on without gap or repeat once it left', async () => {
    const first = topic.consumer('projector', { maxBatch: 4 });
    const feed = source(first);
    await feed.start();
    await publishFeed(store, topic, { batchSize: 10, after: 0 });
    await eventually(async () => (await feed.headPosition()) === 120, 5000, 'head 120');
    await feed.checkpointed('p', 120);

    const intruder = topic.consumer('projector', { maxBatch: 4 });
    const warnings: string[] = [];
    const other = new FeedProjectionSource({ consumer: intruder, history: store, projections: ['p'], logger: { debug: () => undefined, error: () => undefined, warn: (_f, m) => warnings.push(m) } });
    await other.start();
    await appendTicks(store, 40, { groups: 9, perAppend: 2, prefix: 'during' });
    await publishFeed(store, topic, { after: 120, batchSize: 10 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Each holds only some partitions: neither can know the order beyond what it had, so neither moves.
    expect(await feed.headPosition()).toBe(120);
    expect(await other.headPosition()).toBe(0);
    expect(warnings[0]).toMatch(/^holding 2 of the feed's 4 partitions: another member shares this consumer group/);

    await other.stop();
    await eventually(async () => (await feed.headPosition()) === 160, 5000, 'head 160 after the rebalance');
    expect(positions(await feed.readAll({ after: 120 }))).toEqual(range(121, 160));
    expect(await feed.readAll({ after: 120 })).toEqual(await store.readAll({ after: 120 }));
  });

  it('commits offsets only once every projection it feeds stored its checkpoint past them', async () => {
    const feed = source(topic.consumer('projector', { maxBatch: 9 }), ['a', 'b']);
    await feed.start();
    await publishFeed(store, topic, { batchSize: 20 });
    await eventually(async () => (await feed.headPosition()) === 120, 5000, 'head 120');
    await feed.checkpointed('a', 120);
    expect([0, 1, 2, 3].map((p) => topic.committed('projector', p))).toEqual([null, null, null, null]);
    await feed.checkpointed('b', 45);
    const committed = [0, 1, 2, 3].map((p) => topic.committed('projector', p));
    expect(committed.every((o) => o !== null)).toBe(true);
    // A projection another projector runs no longer holds them back.
    await feed.feeding(['a']);
    const later = [0, 1, 2, 3].map((p) => topic.committed('projector', p)!);
    expect(later.every((o, p) => o > committed[p]!)).toBe(true);
    // Running none, it keeps nothing: what it would need on a takeover is read from the store.
    await appendTicks(store, 20, { groups: 5, prefix: 'more' });
    await publishFeed(store, topic, { after: 120, batchSize: 20 });
    await eventually(async () => (await feed.headPosition()) === 140, 5000, 'head 140');
    await feed.feeding([]);
    expect([0, 1, 2, 3].every((p) => topic.committed('projector', p)! > later[p])).toBe(true);
    expect(positions(await feed.readAll({ after: 100 }))).toEqual(range(101, 140));
    expect(feed.served.history).toBe(40);
  });

  it('carries the correlation id of the message headers', async () => {
    const feed = source(topic.consumer('projector'));
    await feed.start();
    await publishFeed(store, topic, { batchSize: 10 });
    await eventually(async () => (await feed.headPosition()) === 120, 5000, 'head 120');
    const [event] = await store.readAll({ after: 99, limit: 1 });
    expect(feed.correlationAt(100)).toBe(event.correlationId);
  });
});
