import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamChainedNotarySource } from '../notary/notary-source';
import { SqliteNotaryStore } from '../notary/sqlite-notary-store';
import { eventStoreContract, newEvent } from '../testing/event-store.contract';
import { NotaryHarness, notaryContract } from '../testing/notary.contract';
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

/** The notary over the adapter itself, reading its raw $all (per-stream chains) in a namespace of the test's own. */
async function kurrentNotaryHarness(serverUrl: string): Promise<NotaryHarness> {
  const store = await kurrentHarness(serverUrl).open();
  const dir = mkdtempSync(join(tmpdir(), 'notary-kurrent-'));
  return {
    source: streamChainedNotarySource(store),
    append: async (count, stream = 'problem-p-1') =>
      (await store.append(stream, Array.from({ length: count }, (_, i) => newEvent('ProgressNoted', { note: `第${i}次` })), 'any')).positions,
    openStore: () => new SqliteNotaryStore(join(dir, 'notary.sqlite')),
    tamper: null,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (url) {
  eventStoreContract('KurrentDB', () => kurrentHarness(url));
  notaryContract('KurrentDB adapter (per-stream chains)', () => kurrentNotaryHarness(url), { tamper: false });
} else {
  describe('event store contract: KurrentDB', () => {
    it('needs KURRENTDB_URL to run', () => {
      console.log('KurrentDB event-store contract and global notary skipped: KURRENTDB_URL is not set (e.g. kurrentdb://localhost:2113?tls=false)');
    });
  });
}
