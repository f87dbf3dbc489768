import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsBlobStore } from './fs/fs-blob-store';
import { InMemoryBlobStore } from './memory-blob-store';
import { S3BlobStore } from './s3/s3-blob-store';
import { blobStoreContract } from './testing/blob-store.contract';
import { FakeS3Server } from './testing/fake-s3-server';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

blobStoreContract('the embedded store (files under DATA_DIR)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'blobs-'));
  dirs.push(dir);
  return new FsBlobStore(dir);
});

blobStoreContract('the in-memory store', () => new InMemoryBlobStore());

// The adapter through the real SDK (signing, checksum header, error parsing) against a local stand-in server.
describe('S3-compatible adapter over a fake S3 server', () => {
  const server = new FakeS3Server();
  let endpoint = '';
  let bucket = 0;
  beforeAll(async () => {
    endpoint = await server.start();
  });
  afterAll(() => server.stop());
  const open = () =>
    S3BlobStore.open({ bucket: `evidence-${++bucket}`, region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

  blobStoreContract('S3 API', open);

  it('names each object by its hash, with the media type as its Content-Type', async () => {
    const info = await open().put(Buffer.from('%PDF-1.4 evidence'), 'application/pdf');
    expect(server.objects.get(`/evidence-${bucket}/evidence/${info.sha256}`)).toMatchObject({ contentType: 'application/pdf' });
  });
});

const s3Endpoint = process.env.S3_ENDPOINT;
const s3Bucket = process.env.S3_BUCKET;
if (s3Endpoint && s3Bucket) {
  blobStoreContract(`S3-compatible server at ${s3Endpoint}`, () =>
    S3BlobStore.open({ bucket: s3Bucket, region: process.env.S3_REGION || 'us-east-1', endpoint: s3Endpoint, forcePathStyle: process.env.S3_FORCE_PATH_STYLE !== 'false' }),
  );
} else {
  describe('blob store contract: S3-compatible server', () => {
    it('needs S3_ENDPOINT and S3_BUCKET to run', () => {
      console.log('S3 blob-store contract skipped: S3_ENDPOINT and S3_BUCKET are not set (credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)');
    });
  });
}
