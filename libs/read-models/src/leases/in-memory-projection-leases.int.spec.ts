import { InMemoryReadStore, InMemoryReadStoreData } from '../memory/in-memory-read-store';
import { projectionLeasesContract } from '../testing/projection-leases.contract';
import { projectionLeasesFor } from './projection-leases.factory';

projectionLeasesContract('in-memory, two stores on the same data', () => {
  const data = new InMemoryReadStoreData();
  return {
    open: async () => ({ a: projectionLeasesFor(new InMemoryReadStore(data)), b: projectionLeasesFor(new InMemoryReadStore(data)) }),
    cleanup: async () => undefined,
  };
});
