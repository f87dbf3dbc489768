import type { Readable } from 'node:stream';

/**
 * Evidence files (台账资料) by content: a file is named by the SHA-256 of its bytes, so the same
 * bytes are stored once and an event that names the hash covers the file's content in the hash
 * chain. Embedded: files under DATA_DIR; an S3-compatible adapter keys objects by the same hash
 * (PUT/GET/HEAD object, the media type as the object's Content-Type). No listing: a file is only
 * ever reached through a record that names it.
 */
export const BLOB_STORE = Symbol('BLOB_STORE');

export interface BlobInfo {
  /** Lowercase hex SHA-256 of the bytes. */
  readonly sha256: string;
  readonly size: number;
  /** Detected from the bytes when uploaded (see sniffMediaType), never taken from the name. */
  readonly mediaType: string;
}

export interface BlobStore {
  /** Stores the bytes under their hash; storing the same bytes again changes nothing. */
  put(bytes: Buffer, mediaType: string): Promise<BlobInfo>;
  /** What is stored under the hash, or null. */
  head(sha256: string): Promise<BlobInfo | null>;
  get(sha256: string): Promise<Buffer | null>;
  /** The bytes as a stream, for downloads that should not hold the file in memory. */
  stream(sha256: string): Promise<Readable | null>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256_HEX.test(value);
}
