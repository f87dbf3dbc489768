import { SqliteEventStore } from '@platform/event-store';
import { InMemoryReadStore, MongoReadStore, ProjectionRunner, ReadStore, SqliteReadStore } from '@platform/read-models';
import { FakeMongo } from '@platform/read-models/testing/fake-mongo-connection';
import { SEARCH_ENTRIES, SEARCH_TEXT_FIELDS } from './search.documents';
import { searchIndexContract } from '../testing/search-index.contract';
import { ReadStoreSearchIndex } from './read-store-search-index';
import { SqliteSearchIndex } from './sqlite-search-index';
import { SearchIndex } from './search-index.port';
import { searchProjection } from './search.projection';

const harness = (open: () => ReadStore, indexOf: (store: ReadStore) => SearchIndex) => () => ({
  open: async () => {
    const store = await open();
    await store.ensureTextIndex?.(SEARCH_ENTRIES, SEARCH_TEXT_FIELDS);
    return { store, index: () => indexOf(store) };
  },
  cleanup: async () => undefined,
});

searchIndexContract('SQLite FTS5 (trigram), the embedded store', harness(() => new SqliteReadStore({ file: ':memory:' }), (s) => new SqliteSearchIndex((s as SqliteReadStore).db)));
searchIndexContract('a scan of the in-memory store', harness(() => new InMemoryReadStore(), (s) => new ReadStoreSearchIndex(s)));
// The MongoDB adapter's n-gram field and query over a fake driver (mingo); mongo-search-index.int.spec.ts runs it on a server.
searchIndexContract('MongoDB n-grams over a fake driver', harness(() => new MongoReadStore(new FakeMongo().connection()), (s) => new ReadStoreSearchIndex(s)));

describe('the search projection declares its text index', () => {
  it('so a runner registering it on the MongoDB store has the n-gram index made before the first batch', async () => {
    const mongo = new FakeMongo();
    const events = new SqliteEventStore({ file: ':memory:' });
    new ProjectionRunner(events, new MongoReadStore(mongo.connection()), [searchProjection]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(mongo.indexes.get(SEARCH_ENTRIES)).toEqual(['_ngrams_1']);
    await events.close();
  });
});
