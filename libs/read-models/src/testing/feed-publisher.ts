import type { EventStore } from '@platform/event-store';
import { feedEventMessage, feedWatermarkMessages } from '../sources/feed-message';
import { InMemoryFeedTopic } from '../sources/in-memory-feed';

/**
 * Publishes the store's events after `after` to the topic in batches, as the relay does (each
 * batch's events, then its watermark to every partition); `repeat` sends a batch twice, as a relay
 * that crashed before saving its checkpoint does. Returns the last position published.
 */
export async function publishFeed(
  events: Pick<EventStore, 'readAll'>,
  topic: InMemoryFeedTopic,
  options: { after?: number; batchSize?: number; repeat?: (batch: number) => boolean } = {},
): Promise<number> {
  let after = options.after ?? 0;
  for (let n = 0; ; n++) {
    const batch = await events.readAll({ after, limit: options.batchSize ?? 10 });
    if (batch.length === 0) return after;
    after = batch[batch.length - 1].position;
    const messages = [...batch.map(feedEventMessage), ...feedWatermarkMessages(after, topic.partitions)];
    await topic.send(messages);
    if (options.repeat?.(n)) await topic.send(messages);
  }
}

/** Resolves once `test` holds, polling; fails after `ms`. */
export async function eventually(test: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`${what} not reached in ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
