import { randomUUID } from 'node:crypto';
import { MongoReadStore } from '@platform/read-models';
import { SEARCH_ENTRIES, SEARCH_TEXT_FIELDS } from './search.documents';
import { searchIndexContract } from '../testing/search-index.contract';
import { ReadStoreSearchIndex } from './read-store-search-index';

const url = process.env.MONGO_URL;

if (url) {
  searchIndexContract('MongoDB n-grams (mongoose)', () => {
    const dbName = `search_contract_${randomUUID().slice(0, 8)}`;
    return {
      open: async () => {
        const store = await MongoReadStore.connect({ url, dbName });
        await store.ensureTextIndex(SEARCH_ENTRIES, SEARCH_TEXT_FIELDS);
        return { store, index: () => new ReadStoreSearchIndex(store) };
      },
      cleanup: async () => {
        const store = await MongoReadStore.connect({ url, dbName });
        await store.connection.dropDatabase();
        await store.close();
      },
    };
  });
} else {
  describe('search index contract: MongoDB n-grams (mongoose)', () => {
    it('needs MONGO_URL to run', () => {
      console.log('MongoDB search contract skipped: MONGO_URL is not set');
    });
  });
}
