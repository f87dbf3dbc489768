import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobStore } from './blob-store.port';
import { FsBlobStore } from './fs/fs-blob-store';
import { InMemoryBlobStore } from './memory-blob-store';
import { samplePdf } from './sample-files';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** What every adapter of the port does; an S3-compatible one will run the same cases. */
describe.each<[string, () => BlobStore]>([
  ['the embedded store (files under DATA_DIR)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blobs-'));
    dirs.push(dir);
    return new FsBlobStore(dir);
  }],
  ['the in-memory store', () => new InMemoryBlobStore()],
])('%s', (_, make) => {
  const bytes = samplePdf('contract');
  const hash = createHash('sha256').update(bytes).digest('hex');

  it('keeps the bytes under their SHA-256 with size and media type', async () => {
    const store = make();
    expect(await store.head(hash)).toBeNull();
    expect(await store.put(bytes, 'application/pdf')).toEqual({ sha256: hash, size: bytes.length, mediaType: 'application/pdf' });
    expect(await store.head(hash)).toEqual({ sha256: hash, size: bytes.length, mediaType: 'application/pdf' });
    expect((await store.get(hash))?.equals(bytes)).toBe(true);
    const chunks: Buffer[] = [];
    for await (const c of (await store.stream(hash))!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('stores the same content once: a second put answers the first file', async () => {
    const store = make();
    await store.put(bytes, 'application/pdf');
    expect(await store.put(Buffer.from(bytes), 'application/pdf')).toEqual({ sha256: hash, size: bytes.length, mediaType: 'application/pdf' });
  });

  it('answers null for an unknown or malformed hash', async () => {
    const store = make();
    expect(await store.head('0'.repeat(64))).toBeNull();
    expect(await store.get('../../etc/passwd')).toBeNull();
    expect(await store.stream('0'.repeat(64))).toBeNull();
  });
});
