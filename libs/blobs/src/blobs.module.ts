import { Global, Module } from '@nestjs/common';
import { EMBEDDED_STORES, PLATFORM_CONFIG, PlatformConfig } from '@platform/common';
import { BLOB_STORE, BlobStore } from './blob-store.port';
import { blobsDir, FsBlobStore } from './fs/fs-blob-store';
import { UploadFileHttpController } from './http/upload-file.http.controller';
import { StoredBlobRefs } from './http/stored-blob-refs.pipe';

/** BLOB_STORE: the embedded store under DATA_DIR, or an S3-compatible bucket every replica shares. */
async function openBlobStore(config: PlatformConfig): Promise<BlobStore> {
  const choice = (config.stores ?? EMBEDDED_STORES).blobStore;
  if (choice.kind === 'fs') return new FsBlobStore(blobsDir(config.dataDir));
  // Loaded only when chosen: the embedded start does not pay for the SDK.
  const { S3BlobStore } = await import('./s3/s3-blob-store');
  return S3BlobStore.open(choice);
}

/** Evidence files: the store BLOB_STORE names, the upload route, the reference check. */
@Global()
@Module({
  controllers: [UploadFileHttpController],
  providers: [{ provide: BLOB_STORE, useFactory: openBlobStore, inject: [PLATFORM_CONFIG] }, StoredBlobRefs],
  exports: [BLOB_STORE, StoredBlobRefs],
})
export class BlobsModule {}
