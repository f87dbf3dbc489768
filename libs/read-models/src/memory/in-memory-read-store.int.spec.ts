import { readStoreContract } from '../testing/read-store.contract';
import { InMemoryReadStore, InMemoryReadStoreData } from './in-memory-read-store';

readStoreContract('in-memory (mingo)', () => {
  const data = new InMemoryReadStoreData();
  return {
    open: async () => new InMemoryReadStore(data),
    reopen: async () => new InMemoryReadStore(data),
    cleanup: async () => undefined,
  };
});
