import { randomUUID } from 'node:crypto';
import { eventStoreContract } from '../testing/event-store.contract';
import { UpcasterRegistry } from '../upcasters';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const url = process.env.KURRENTDB_URL;

/** Each test gets a namespace of its own on the shared server: a fresh, empty store as far as it can see. */
function kurrentHarness(serverUrl: string) {
  const namespace = `contract-${randomUUID()}/`;
  let clockMs = Date.parse('2026-11-01T00:00:00.000Z');
  const clock = () => new Date((clockMs += 1000));
  const open = async (o: { upcasters?: UpcasterRegistry } = {}) => new KurrentDbEventStore({ url: serverUrl, namespace, clock, ...o });
  return { open, reopen: () => open(), cleanup: async () => undefined };
}

if (url) {
  eventStoreContract('KurrentDB', () => kurrentHarness(url));
} else {
  describe('event store contract: KurrentDB', () => {
    it('needs KURRENTDB_URL to run', () => {
      console.log('KurrentDB event-store contract skipped: KURRENTDB_URL is not set (e.g. kurrentdb://localhost:2113?tls=false)');
    });
  });
}
