import { randomUUID } from 'node:crypto';
import { MongoReadStore } from '../mongo/mongo-read-store';
import { FakeMongo } from '../testing/fake-mongo-connection';
import { projectionLeasesContract } from '../testing/projection-leases.contract';
import { projectionLeasesFor } from './projection-leases.factory';

// The adapter's conditional upsert over the driver calls it makes, where no server is at hand.
projectionLeasesContract('MongoDB adapter over the fake driver', () => {
  const fake = new FakeMongo();
  return {
    open: async () => ({ a: projectionLeasesFor(new MongoReadStore(fake.connection())), b: projectionLeasesFor(new MongoReadStore(fake.connection())) }),
    cleanup: async () => undefined,
  };
});

const url = process.env.MONGO_URL;
if (url) {
  projectionLeasesContract('MongoDB (mongoose), two connections', () => {
    const dbName = `leases_contract_${randomUUID().slice(0, 8)}`;
    const stores: MongoReadStore[] = [];
    return {
      open: async () => {
        stores.push(await MongoReadStore.connect({ url, dbName }), await MongoReadStore.connect({ url, dbName }));
        return { a: projectionLeasesFor(stores[0]), b: projectionLeasesFor(stores[1]) };
      },
      cleanup: async () => {
        await stores[0]?.connection.dropDatabase();
        for (const s of stores) await s.close();
      },
    };
  });
} else {
  describe('projection leases contract: MongoDB (mongoose)', () => {
    it('needs MONGO_URL to run', () => {
      console.log('MongoDB projection-leases contract skipped: MONGO_URL is not set');
    });
  });
}
