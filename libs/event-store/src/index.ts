export * from './event-envelope';
export * from './event-store.errors';
export * from './event-store.port';
export * from './hash-chain';
export * from './upcasters';
export * from './sqlite/sqlite-event-store';
export * from './sqlite/open-database';
export * from './event-store.module';
