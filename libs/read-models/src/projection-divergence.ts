import type { EventStore } from '@platform/event-store';

/** Why a projection's documents no longer follow the event store's history, and how far its rebuild is. */
export interface ProjectionDivergence {
  readonly reason: string;
  readonly detectedAt: string;
  /** The checkpoint found, and the hash kept beside it. */
  readonly checkpoint: number;
  readonly checkpointHash: string | null;
  /** The event store's head when it was found. */
  readonly head: number;
  /** Progress of the automatic rebuild from the first event; it ends at `target`, then the live loop takes over. */
  readonly rebuild: { readonly position: number; readonly target: number; readonly events: number };
  /** When the rebuild reached its target (null while it runs). */
  readonly rebuiltAt: string | null;
}

/**
 * Null when the event store still holds the history a checkpoint was built from: the checkpoint
 * is not ahead of the head, and the event at it has the hash kept beside it (the chain hash covers
 * every event before it, so one comparison vouches for the whole prefix). Otherwise the reason.
 * A checkpoint without a hash (written before hashes were kept) is only checked against the head.
 */
export async function checkpointDivergence(
  events: Pick<EventStore, 'headPosition' | 'readAll'>,
  position: number,
  hash: string | null,
): Promise<{ reason: string; head: number } | null> {
  if (position <= 0) return null;
  const head = await events.headPosition();
  if (position > head) return { reason: `checkpoint ${position} is ahead of the event store's head ${head}`, head };
  const [event] = await events.readAll({ after: position - 1, until: position, limit: 1 });
  if (!event) return { reason: `the event store holds no event at checkpoint ${position}`, head };
  if (hash !== null && event.hash !== hash) {
    return {
      reason: `the event at checkpoint ${position} has hash ${event.hash.slice(0, 12)}…, the documents were built on ${hash.slice(0, 12)}…`,
      head,
    };
  }
  return null;
}
