import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EMBEDDED_STORES, loadPlatformConfig, PLATFORM_CONFIG, PlatformConfig } from '@platform/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BLOB_STORE, BlobStore } from './blob-store.port';
import { BlobsModule } from './blobs.module';
import { FsBlobStore } from './fs/fs-blob-store';
import { S3BlobStore } from './s3/s3-blob-store';
import { FakeS3Server } from './testing/fake-s3-server';

async function blobStoreFor(config: PlatformConfig): Promise<BlobStore> {
  @Global()
  @Module({ providers: [{ provide: PLATFORM_CONFIG, useValue: config }], exports: [PLATFORM_CONFIG] })
  class ConfigModule {}
  const app = await Test.createTestingModule({ imports: [ConfigModule, BlobsModule] }).compile();
  return app.get<BlobStore>(BLOB_STORE);
}

describe('the blob store BLOB_STORE chooses', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'blobs-module-'));
  const server = new FakeS3Server();
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await server.stop();
  });

  it('keeps files under DATA_DIR by default', async () => {
    const config = loadPlatformConfig({ DATA_DIR: dataDir });
    expect(config.stores).toEqual(EMBEDDED_STORES);
    expect(await blobStoreFor(config)).toBeInstanceOf(FsBlobStore);
  });

  it('puts them in the configured S3-compatible bucket with BLOB_STORE=s3', async () => {
    const endpoint = await server.start();
    process.env.AWS_ACCESS_KEY_ID ??= 'test';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
    const store = await blobStoreFor(loadPlatformConfig({ DATA_DIR: dataDir, BLOB_STORE: 's3', S3_BUCKET: 'evidence', S3_ENDPOINT: endpoint }));
    expect(store).toBeInstanceOf(S3BlobStore);
    const info = await store.put(Buffer.from('%PDF-1.4 minutes'), 'application/pdf');
    expect(server.objects.has(`/evidence/evidence/${info.sha256}`)).toBe(true);
    expect((await store.get(info.sha256))?.toString()).toBe('%PDF-1.4 minutes');
  });
});
