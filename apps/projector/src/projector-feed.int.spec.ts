import { SqliteEventStore } from '@platform/event-store';
import { feedEventMessage, feedWatermarkMessages, InMemoryFeedTopic, InMemoryReadStore, ProjectionRunner, readModelsFile, SqliteReadStore } from '@platform/read-models';
import { eventually } from '@platform/read-models/testing/feed-publisher';
import { appendTicks } from '@platform/read-models/testing/sample-events';
import { groupTallyProjection } from '@platform/read-models/testing/sample-projections';
import { VIEW_PROJECTIONS } from '@platform/views';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProjector } from './projector';
import { feedSource } from './projector-feed';

type Line = { fields: Record<string, unknown>; message: string };
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The feed as the relay publishes it in two batches (the first event, then the rest), with each
 * message's correlation-id header rewritten: what the projector logs must be the header's. The
 * first event precedes the first watermarks, so the event store serves it; the feed the others.
 */
async function publishWithHeaderCorrelation(events: SqliteEventStore, topic: InMemoryFeedTopic): Promise<number> {
  const all = await events.readAll();
  const message = (e: (typeof all)[number]) => {
    const m = feedEventMessage(e);
    return { ...m, headers: { ...m.headers, 'correlation-id': `header-${e.position}` } };
  };
  const head = all[all.length - 1].position;
  await topic.send([message(all[0]), ...feedWatermarkMessages(1, topic.partitions)]);
  await topic.send([...all.slice(1).map(message), ...feedWatermarkMessages(head, topic.partitions)]);
  return head;
}

describe('the projector on the projection feed (PROJECTION_SOURCE=kafka)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('runs the view projections from the feed, commits the offsets after their checkpoints, and logs each event with its correlation id', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'projector-feed-'));
    dirs.push(dataDir);
    const events = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    await appendTicks(events, 40, { groups: 6, perAppend: 2 });
    const topic = new InMemoryFeedTopic(3);
    const head = await publishWithHeaderCorrelation(events, topic);
    const lines: Line[] = [];
    const feedLogger = { debug: (fields: object, message: string) => lines.push({ fields: fields as Line['fields'], message }), warn: () => undefined, error: () => undefined };

    const projector = startProjector({ dataDir, leaseMs: 1000, logger: quiet, feed: topic.consumer('projector'), feedLogger });
    const store = new SqliteReadStore({ file: readModelsFile(dataDir) });
    await eventually(async () => (await Promise.all(VIEW_PROJECTIONS.map(async (p) => (await store.checkpoint(p.name))?.position ?? 0))).every((c) => c === head), 20_000, 'every view at the head');
    await eventually(() => [0, 1, 2].every((p) => topic.committed('projector', p) !== null), 5000, 'offsets committed');
    await projector.stop();

    const logged = lines.filter((l) => l.message === 'projection feed event');
    expect(new Set(logged.map((l) => l.fields.correlationId))).toEqual(new Set(Array.from({ length: 40 }, (_, i) => `header-${i + 1}`)));
    await store.close();
    await events.close();
  });

  it('names the correlation id of the feed message an event failed on', async () => {
    const events = new SqliteEventStore({ file: ':memory:' });
    await appendTicks(events, 12, { groups: 3, perAppend: 1 });
    const topic = new InMemoryFeedTopic(2);
    await publishWithHeaderCorrelation(events, topic);
    const errors: Line[] = [];
    const store = new InMemoryReadStore();
    const failing = { ...groupTallyProjection(), evolve: async (e: { position: number }) => (e.position === 7 ? Promise.reject(new Error('cannot apply')) : []) };
    const feed = feedSource(topic.consumer('projector'), events, store, [failing], { debug: () => undefined, warn: () => undefined, error: (fields, message) => errors.push({ fields: fields as Line['fields'], message }) });
    const runner = new ProjectionRunner(events, store, [failing], { source: feed.source, logger: quiet, onError: feed.failed, onCommitted: feed.committed, retry: { initialMs: 10_000 } });
    feed.start(runner, 1000);
    runner.start();
    await eventually(() => errors.length > 0, 5000, 'the failure logged');
    await runner.stop();
    await feed.stop();
    expect(errors[0].fields).toMatchObject({ projection: 'group-tally', position: 7, correlationId: 'header-7' });
    await events.close();
  });
});
