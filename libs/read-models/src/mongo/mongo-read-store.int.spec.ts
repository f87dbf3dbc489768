import { randomUUID } from 'node:crypto';
import { readStoreContract } from '../testing/read-store.contract';
import { MongoReadStore } from './mongo-read-store';

const url = process.env.MONGO_URL;

function mongoHarness(mongoUrl: string) {
  const dbName = `read_models_contract_${randomUUID().slice(0, 8)}`;
  const open = () => MongoReadStore.connect({ url: mongoUrl, dbName });
  return {
    open,
    reopen: open,
    cleanup: async () => {
      const store = await open();
      await store.connection.dropDatabase();
      await store.close();
    },
  };
}

if (url) {
  readStoreContract('MongoDB (mongoose)', () => mongoHarness(url));
} else {
  describe('read store contract: MongoDB (mongoose)', () => {
    it('needs MONGO_URL to run', () => {
      console.log('MongoDB read-store contract skipped: MONGO_URL is not set');
    });
  });
}
