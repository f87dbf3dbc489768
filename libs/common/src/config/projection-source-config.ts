import { hostname } from 'node:os';
import { choice, kafkaConnection, kafkaName } from './stores-config';

/** The internal feed of every committed event (versioned by its name), published by a relay with RELAY_PUBLISHES=projection-feed. */
export const DEFAULT_PROJECTION_FEED_TOPIC = 'platform.projection-feed.v1';
export const DEFAULT_PROJECTION_GROUP = 'projector';

/**
 * PROJECTION_SOURCE: where projection workers read events. `store` (default): the event store.
 * `kafka`: the relay's projection feed (needs KAFKA_BROKERS), consumed from the topic
 * KAFKA_PROJECTION_TOPIC in the group PROJECTION_KAFKA_GROUP. Each projector reads every
 * partition (it merges them by position), so each needs a group of its own: by default
 * `projector.<PROJECTOR_ID>`, or `projector.<host name>` when PROJECTOR_ID is unset.
 */
export type ProjectionSourceChoice =
  | { readonly kind: 'store' }
  | { readonly kind: 'kafka'; readonly brokers: readonly string[]; readonly clientId: string; readonly topic: string; readonly groupId: string };

export function loadProjectionSourceConfig(env: NodeJS.ProcessEnv = process.env): ProjectionSourceChoice {
  if (choice(env, 'PROJECTION_SOURCE', ['store', 'kafka'] as const) === 'store') return { kind: 'store' };
  return {
    kind: 'kafka',
    ...kafkaConnection(env, 'PROJECTION_SOURCE=kafka'),
    topic: projectionFeedTopic(env),
    groupId: kafkaName(env, 'PROJECTION_KAFKA_GROUP', defaultProjectionGroup(env.PROJECTOR_ID?.trim() || hostname())),
  };
}

/** KAFKA_PROJECTION_TOPIC: the projection feed's topic, for its relay and its consumers alike. */
export function projectionFeedTopic(env: NodeJS.ProcessEnv): string {
  return kafkaName(env, 'KAFKA_PROJECTION_TOPIC', DEFAULT_PROJECTION_FEED_TOPIC);
}

/** Stable across restarts where the id or the host name is (a container, a StatefulSet's pod), so the group's offsets carry over. */
export function defaultProjectionGroup(projector: string): string {
  return `${DEFAULT_PROJECTION_GROUP}.${projector.replace(/[^A-Za-z0-9._-]/g, '-')}`.slice(0, 249);
}
