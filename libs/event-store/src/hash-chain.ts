import { hash } from 'node:crypto';
import { StoredEvent } from './event-envelope';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers, exactly as stored (JSON text, not re-serialized objects). */
export interface HashedFields
  extends Pick<StoredEvent, 'position' | 'eventId' | 'streamId' | 'streamRevision' | 'type' | 'schemaVersion' | 'occurredAt' | 'recordedAt'> {
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** One-shot `hash` rather than a Hash object per event: the same digest, less work per append and per verified row. */
export function chainHash(prevHash: string, f: HashedFields): string {
  return hash(
    'sha256',
    JSON.stringify([
      prevHash,
      f.position,
      f.eventId,
      f.streamId,
      f.streamRevision,
      f.type,
      f.schemaVersion,
      f.dataJson,
      f.metadataJson,
      f.occurredAt,
      f.recordedAt,
    ]),
    'hex',
  );
}

export interface ChainReport {
  readonly ok: boolean;
  readonly checked: number;
  readonly headPosition: number;
  /** First position whose stored hash does not match the recomputed chain. */
  readonly firstBrokenPosition: number | null;
  readonly reason: string | null;
}
