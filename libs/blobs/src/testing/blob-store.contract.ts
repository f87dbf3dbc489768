import { createHash } from 'node:crypto';
import type { BlobStore } from '../blob-store.port';
import { samplePdf } from '../sample-files';

/** What every adapter of the blob port does, whichever store keeps the files. */
export function blobStoreContract(name: string, make: () => BlobStore | Promise<BlobStore>): void {
  describe(`blob store contract: ${name}`, () => {
    const bytes = samplePdf('contract');
    const hash = createHash('sha256').update(bytes).digest('hex');

    it('keeps the bytes under their SHA-256 with size and media type', async () => {
      const store = await make();
      expect(await store.head(hash)).toBeNull();
      expect(await store.put(bytes, 'application/pdf')).toEqual({ sha256: hash, size: bytes.length, mediaType: 'application/pdf' });
      expect(await store.head(hash)).toEqual({ sha256: hash, size: bytes.length, mediaType: 'application/pdf' });
      expect((await store.get(hash))?.equals(bytes)).toBe(true);
      const chunks: Buffer[] = [];
      for await (const c of (await store.stream(hash))!) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    });

    it('stores the same content once: a second put answers the first file', async () => {
      const store = await make();
      await store.put(bytes, 'application/pdf');
      expect(await store.put(Buffer.from(bytes), 'application/pdf')).toEqual({ sha256: hash, size: bytes.length, mediaType: 'application/pdf' });
    });

    it('answers null for an unknown or malformed hash', async () => {
      const store = await make();
      expect(await store.head('0'.repeat(64))).toBeNull();
      expect(await store.get('0'.repeat(64))).toBeNull();
      expect(await store.get('../../etc/passwd')).toBeNull();
      expect(await store.stream('0'.repeat(64))).toBeNull();
    });
  });
}
