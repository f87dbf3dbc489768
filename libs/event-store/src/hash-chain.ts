import { createHash } from 'node:crypto';
import { StoredEvent } from './event-envelope';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers, exactly as stored (JSON text, not re-serialized objects). */
export interface HashedFields
  extends Pick<StoredEvent, 'position' | 'eventId' | 'streamId' | 'streamRevision' | 'type' | 'schemaVersion' | 'occurredAt' | 'recordedAt'> {
  readonly dataJson: string;
  readonly metadataJson: string;
}

export function chainHash(prevHash: string, f: HashedFields): string {
  return createHash('sha256')
    .update(
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
    )
    .digest('hex');
}

export interface ChainReport {
  readonly ok: boolean;
  readonly checked: number;
  readonly headPosition: number;
  /** First position whose stored hash does not match the recomputed chain. */
  readonly firstBrokenPosition: number | null;
  readonly reason: string | null;
}
