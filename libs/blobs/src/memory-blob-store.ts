import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobInfo, BlobStore } from './blob-store.port';

/** Files held in memory: the demo generator's store before it writes them into a data directory. */
export class InMemoryBlobStore implements BlobStore {
  private readonly files = new Map<string, { info: BlobInfo; bytes: Buffer }>();

  async put(bytes: Buffer, mediaType: string): Promise<BlobInfo> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = this.files.get(sha256);
    if (existing) return existing.info;
    const info = { sha256, size: bytes.length, mediaType };
    this.files.set(sha256, { info, bytes: Buffer.from(bytes) });
    return info;
  }

  async head(sha256: string): Promise<BlobInfo | null> {
    return this.files.get(sha256)?.info ?? null;
  }

  async get(sha256: string): Promise<Buffer | null> {
    return this.files.get(sha256)?.bytes ?? null;
  }

  async stream(sha256: string): Promise<Readable | null> {
    const f = this.files.get(sha256);
    return f ? Readable.from([f.bytes]) : null;
  }

  /** Every file held, for copying into another store. */
  entries(): { info: BlobInfo; bytes: Buffer }[] {
    return [...this.files.values()];
  }
}
