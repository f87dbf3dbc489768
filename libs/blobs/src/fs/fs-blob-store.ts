import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BlobInfo, BlobStore, isSha256 } from '../blob-store.port';

/** The embedded store's folder in the data directory. */
export function blobsDir(dataDir: string): string {
  return join(dataDir, 'blobs');
}

/**
 * Files on the local disk, `blobs/ab/<sha256>` with `<sha256>.json` (size, media type) beside it,
 * fanned out by the first two hex digits so no folder grows past a few thousand entries. Each file
 * is written to a temporary name and renamed: a reader never sees half a file, and the metadata is
 * written before the bytes, so a file that exists is always described.
 */
export class FsBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  async put(bytes: Buffer, mediaType: string): Promise<BlobInfo> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = await this.head(sha256);
    if (existing) return existing;
    const info: BlobInfo = { sha256, size: bytes.length, mediaType };
    await mkdir(this.folder(sha256), { recursive: true });
    await this.writeAtomically(this.metaPath(sha256), Buffer.from(JSON.stringify(info)));
    await this.writeAtomically(this.path(sha256), bytes);
    return info;
  }

  async head(sha256: string): Promise<BlobInfo | null> {
    if (!isSha256(sha256)) return null;
    try {
      const [meta, file] = await Promise.all([readFile(this.metaPath(sha256), 'utf8'), stat(this.path(sha256))]);
      const info = JSON.parse(meta) as BlobInfo;
      return { sha256, size: file.size, mediaType: info.mediaType };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!(await this.head(sha256))) return null;
    return readFile(this.path(sha256));
  }

  async stream(sha256: string): Promise<Readable | null> {
    if (!(await this.head(sha256))) return null;
    return createReadStream(this.path(sha256));
  }

  private folder(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2));
  }

  private path(sha256: string): string {
    return join(this.folder(sha256), sha256);
  }

  private metaPath(sha256: string): string {
    return `${this.path(sha256)}.json`;
  }

  private async writeAtomically(path: string, bytes: Buffer): Promise<void> {
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  }
}

function isMissing(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'ENOENT';
}
