import type { StoredEvent } from '@platform/event-store';

/**
 * The projection feed: every committed event, published by the relay for projection workers
 * (PROJECTION_SOURCE=kafka). Internal to the platform, unlike the integration events: it carries
 * the stored event whole. Versioned by its topic name (`….v1`); a change that old workers cannot
 * read is a new topic, published beside the old one until every projector moved.
 */
export const PROJECTION_FEED_VERSION = 1;

/** One message as a producer takes it: an explicit partition overrides the key's. */
export interface FeedMessage {
  readonly key: string;
  readonly partition?: number;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * An event of the store, or a watermark: the relay sends one to every partition after each batch,
 * saying that the partition holds every event up to that position. Merging the partitions by
 * position releases an event once every partition is past it.
 */
export type FeedEntry =
  | { readonly kind: 'event'; readonly position: number; readonly event: StoredEvent; readonly correlationId: string }
  | { readonly kind: 'watermark'; readonly position: number };

const WATERMARK_KEY = '$watermark';

export function feedEventMessage(e: StoredEvent): FeedMessage {
  return {
    // One stream's events on one partition, in commit order.
    key: e.streamId,
    value: JSON.stringify(e),
    headers: {
      'feed-kind': 'event',
      'schema-version': String(PROJECTION_FEED_VERSION),
      'event-id': e.eventId,
      'event-type': e.type,
      'correlation-id': e.correlationId,
      ...(e.causationId ? { 'causation-id': e.causationId } : {}),
      position: String(e.position),
    },
  };
}

export function feedWatermarkMessages(position: number, partitions: number): FeedMessage[] {
  return Array.from({ length: partitions }, (_, partition) => ({
    key: WATERMARK_KEY,
    partition,
    value: JSON.stringify({ position }),
    headers: { 'feed-kind': 'watermark', 'schema-version': String(PROJECTION_FEED_VERSION), position: String(position) },
  }));
}

export class FeedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedMessageError';
  }
}

/** Reads a consumed message back; the correlation id is the header's, as a consumer in any language sees it. */
export function decodeFeedMessage(value: string, headers: Readonly<Record<string, string | undefined>>): FeedEntry {
  const version = headers['schema-version'];
  if (version !== String(PROJECTION_FEED_VERSION)) {
    throw new FeedMessageError(`projection feed message of schema version ${version ?? '(none)'}: this worker reads version ${PROJECTION_FEED_VERSION}`);
  }
  const position = Number(headers.position);
  if (!Number.isSafeInteger(position) || position <= 0) throw new FeedMessageError(`projection feed message without a valid position header: ${headers.position}`);
  if (headers['feed-kind'] === 'watermark') return { kind: 'watermark', position };
  if (headers['feed-kind'] !== 'event') throw new FeedMessageError(`projection feed message of unknown kind ${headers['feed-kind']}`);
  const event = JSON.parse(value) as StoredEvent;
  if (event.position !== position) throw new FeedMessageError(`projection feed message at position ${position} holds the event at ${event.position}`);
  return { kind: 'event', position, event, correlationId: headers['correlation-id'] ?? event.correlationId };
}
