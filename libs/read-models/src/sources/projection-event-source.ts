import type { EventStore } from '@platform/event-store';

/**
 * Where a projection runner reads its batches from, in global position order: the event store
 * itself (PROJECTION_SOURCE=store), or a feed of it such as the relay's Kafka topic
 * (PROJECTION_SOURCE=kafka). The event store stays the authority either way: the runner checks its
 * checkpoints against the store's history, whatever fed it.
 */
export interface ProjectionEventSource extends Pick<EventStore, 'readAll' | 'headPosition'> {
  /** Tells when new events can be read; a source without it is polled. */
  onAppended?(listener: () => void): () => void;
}
