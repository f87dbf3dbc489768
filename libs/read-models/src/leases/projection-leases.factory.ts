import { InMemoryReadStore, InMemoryReadStoreData } from '../memory/in-memory-read-store';
import { MongoReadStore } from '../mongo/mongo-read-store';
import { ReadStore } from '../read-store.port';
import { SqliteReadStore } from '../sqlite/sqlite-read-store';
import { SqliteProjectionLeases } from './sqlite-projection-leases';
import { InMemoryProjectionLeases } from './in-memory-projection-leases';
import { MongoProjectionLeases } from './mongo-projection-leases';
import { ProjectionLeases } from './projection-leases.port';

const inMemory = new WeakMap<InMemoryReadStoreData, InMemoryProjectionLeases>();

/** The leases stored with this read store's checkpoints: same file, same database, same data. */
export function projectionLeasesFor(store: ReadStore): ProjectionLeases {
  if (store instanceof SqliteReadStore) return new SqliteProjectionLeases(store.db);
  if (store instanceof MongoReadStore) return new MongoProjectionLeases(store.connection);
  if (store instanceof InMemoryReadStore) {
    let leases = inMemory.get(store.data);
    if (!leases) inMemory.set(store.data, (leases = new InMemoryProjectionLeases()));
    return leases;
  }
  throw new Error(`no projection leases for a ${store.constructor.name}`);
}
