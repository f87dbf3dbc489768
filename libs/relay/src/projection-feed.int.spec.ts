import { SqliteEventStore } from '@platform/event-store';
import {
  documentProjection,
  FeedProjectionSource,
  InMemoryFeedTopic,
  InMemoryReadStore,
  InMemoryReadStoreData,
  Projection,
  ProjectionRunner,
  ReadStore,
} from '@platform/read-models';
import { eventually } from '@platform/read-models/testing/feed-publisher';
import { appendTicks } from '@platform/read-models/testing/sample-events';
import { groupTallyProjection, streamActivityProjection } from '@platform/read-models/testing/sample-projections';
import { EventRelay } from './event-relay';
import { PROJECTION_FEED_CONTRACT } from './relay-contract';
import { RelayCheckpoints } from './relay-ports';

/** Per stream, every position in the order applied: a repeat or a reordering shows. */
const appliedOrder = documentProjection<{ _id: string; positions: number[] }>({
  name: 'applied-order',
  version: 1,
  collection: 'applied_order',
  handles: ['Ticked'],
  id: (e) => e.streamId,
  evolve: (current, e) => ({ _id: e.streamId, positions: [...(current?.positions ?? []), e.position] }),
});
/** One document over all streams: the positions applied out of global order, and the last one. */
const globalOrder = documentProjection<{ _id: string; count: number; last: number; backwards: number }>({
  name: 'global-order',
  version: 1,
  collection: 'global_order',
  handles: ['Ticked'],
  id: () => 'all',
  evolve: (c, e) => ({ _id: 'all', count: (c?.count ?? 0) + 1, last: e.position, backwards: (c?.backwards ?? 0) + (e.position <= (c?.last ?? 0) ? 1 : 0) }),
});
const projections = (): Projection[] => [groupTallyProjection() as Projection, streamActivityProjection as Projection, appliedOrder as Projection, globalOrder as Projection];
const COLLECTIONS = ['tally_groups', 'tally_totals', 'stream_activity', 'applied_order', 'global_order'];

/** The relay's checkpoint in memory, failing every third save: the batch is then published again. */
class ForgetfulCheckpoints implements RelayCheckpoints {
  private position = 0;
  private saves = 0;
  async load(): Promise<number> {
    return this.position;
  }
  async save(_name: string, position: number): Promise<void> {
    if (++this.saves % 3 === 0) throw new Error('relay died before its checkpoint was saved');
    this.position = position;
  }
  async close(): Promise<void> {}
}

/** The read store of a projector that dies after `calls` more reads and writes: the one in flight fails, nothing after it lands. */
function mortal(store: ReadStore, calls: number): { store: ReadStore; dead: () => boolean } {
  let left = calls;
  const proxy = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function' || !['get', 'find', 'commit'].includes(String(name))) return value;
      return (...args: unknown[]) => {
        if (--left < 0) return Promise.reject(new Error('projector killed'));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, dead: () => left < 0 };
}

async function documents(store: ReadStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const c of COLLECTIONS) out[c] = (await store.find<{ _id: string }>(c)).sort((a, b) => a._id.localeCompare(b._id));
  return out;
}

describe('a projection fed by the Kafka projection feed', () => {
  it('equals the same projection fed by the event store, through relay redeliveries, kills mid-batch and a rebalance', async () => {
    const events = new SqliteEventStore({ file: ':memory:' });
    const topic = new InMemoryFeedTopic(4);
    const relay = new EventRelay({ name: 'feed', events, producer: topic, checkpoints: new ForgetfulCheckpoints(), contract: PROJECTION_FEED_CONTRACT, batchSize: 9, pollMs: 5, retryMs: 1 });
    relay.start();

    const fromStore = new InMemoryReadStore();
    const storeRunner = new ProjectionRunner(events, fromStore, projections(), { batchSize: 7, pollMs: 5 });
    storeRunner.start();

    const data = new InMemoryReadStoreData();
    const lives: Array<{ feed: number; history: number }> = [];
    const names = projections().map((p) => p.name);
    function startKafkaProjector(lifetime: number) {
      const consumer = topic.consumer('projector', { maxBatch: 5 });
      const source = new FeedProjectionSource({ consumer, history: events, projections: names });
      const read = mortal(new InMemoryReadStore(data), lifetime);
      const runner = new ProjectionRunner(events, read.store, projections(), {
        source,
        batchSize: 7,
        pollMs: 5,
        retry: { initialMs: 5, maxMs: 5 },
        onCommitted: (name, position) => void source.checkpointed(name, position),
        logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
      });
      void source.start();
      runner.start();
      const stop = async () => {
        await runner.stop();
        await source.stop();
        lives.push({ ...source.served });
      };
      return { consumer, runner, read, stop };
    }

    // Killed twice part-way through what it applies (in the middle of a batch's reads or its commit).
    for (const lifetime of [90, 40]) {
      const projector = startKafkaProjector(lifetime);
      await appendTicks(events, 150, { groups: 11, perAppend: 4, prefix: `round-${lifetime}` });
      await eventually(projector.read.dead, 20_000, 'the projector died');
      projector.consumer.kill();
      await projector.stop();
    }

    const last = startKafkaProjector(Number.MAX_SAFE_INTEGER);
    await appendTicks(events, 60, { groups: 7, perAppend: 3, prefix: 'before-rebalance' });
    // Another member joins the group and leaves: partitions move twice, and come back from the committed offsets.
    const intruder = new FeedProjectionSource({ consumer: topic.consumer('projector'), history: events, projections: [] });
    await intruder.start();
    await appendTicks(events, 40, { groups: 5, perAppend: 2, prefix: 'during-rebalance' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await intruder.stop();
    await appendTicks(events, 30, { groups: 3, perAppend: 5, prefix: 'after' });

    await storeRunner.caughtUp({ timeoutMs: 20_000 });
    await last.runner.caughtUp({ timeoutMs: 20_000 });
    await last.stop();
    await storeRunner.stop();
    await relay.stop();

    const fedByKafka = new InMemoryReadStore(data);
    expect(await documents(fedByKafka)).toEqual(await documents(fromStore));
    const order = await fedByKafka.get<{ _id: string; count: number; backwards: number }>('global_order', 'all');
    expect(order).toMatchObject({ count: 430, backwards: 0 });
    for (const name of names) expect((await fedByKafka.checkpoint(name))?.position).toBe(await events.headPosition());
    // The feed fed it. After a restart or a rebalance it resumes from the offsets committed after
    // the checkpoints, so nothing above a checkpoint comes from the event store; only the first
    // start, on a new group, reads what preceded the first watermarks there.
    expect(lives.map((l) => l.history).slice(1)).toEqual([0, 0]);
    expect(lives.every((l) => l.feed > 0)).toBe(true);
    await events.close();
  });
});
