import { Global, Module } from '@nestjs/common';
import { PLATFORM_CONFIG, PlatformConfig } from '@platform/common';
import { BLOB_STORE } from './blob-store.port';
import { blobsDir, FsBlobStore } from './fs/fs-blob-store';
import { UploadFileHttpController } from './http/upload-file.http.controller';
import { StoredBlobRefs } from './http/stored-blob-refs.pipe';

/** Evidence files: the embedded store under DATA_DIR, the upload route, the reference check. */
@Global()
@Module({
  controllers: [UploadFileHttpController],
  providers: [{ provide: BLOB_STORE, useFactory: (config: PlatformConfig) => new FsBlobStore(blobsDir(config.dataDir)), inject: [PLATFORM_CONFIG] }, StoredBlobRefs],
  exports: [BLOB_STORE, StoredBlobRefs],
})
export class BlobsModule {}
