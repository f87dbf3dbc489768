export * from './blob-store.port';
export * from './blob-ref';
export * from './media-types';
export * from './fs/fs-blob-store';
export * from './memory-blob-store';
export * from './http/stored-blob-refs.pipe';
export * from './http/send-blob';
export * from './blobs.module';
