import { StoredEvent } from '@platform/event-store';
import { feedEventMessage, feedWatermarkMessages } from '@platform/read-models';
import { INTEGRATION_EVENTS_V1, IntegrationEventSpec, integrationMessage, RelayMessage } from './integration-events';
import { RelayProducer } from './relay-ports';

/** What the relay publishes of a batch read from the store (in commit order). */
export interface RelayContract {
  readonly describe: string;
  messages(batch: readonly StoredEvent[], producer: RelayProducer): Promise<RelayMessage[]>;
}

/** The documented, versioned integration events: the contract other systems rely on. */
export function integrationContract(catalogue: Readonly<Record<string, IntegrationEventSpec>> = INTEGRATION_EVENTS_V1): RelayContract {
  return {
    describe: 'integration events',
    messages: async (batch) => batch.map((e) => integrationMessage(e, catalogue)).filter((m) => m !== null),
  };
}

/**
 * The internal projection feed: every event whole, keyed by stream id, then the batch's last
 * position as a watermark to every partition (in the same send, after the events on each
 * partition), from which projection workers merge the partitions back into position order.
 */
export const PROJECTION_FEED_CONTRACT: RelayContract = {
  describe: 'projection feed',
  async messages(batch, producer) {
    if (!producer.partitionCount) throw new Error('the projection feed needs a producer that knows its partitions');
    const partitions = await producer.partitionCount();
    return [...batch.map(feedEventMessage), ...feedWatermarkMessages(batch[batch.length - 1].position, partitions)];
  },
};
