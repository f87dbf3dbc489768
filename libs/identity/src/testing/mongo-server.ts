import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mongoose';

/**
 * Runs `suite` against the MongoDB server MONGO_URL names; without one, a single test says why
 * the suite did not run (the same cases run on the embedded adapter and the fake driver anyway).
 */
export function withMongoServer(what: string, suite: (url: string) => void): void {
  const url = process.env.MONGO_URL;
  if (url) {
    suite(url);
    return;
  }
  describe(`${what}: MongoDB (mongoose)`, () => {
    it('needs MONGO_URL to run', () => {
      console.log(`MongoDB ${what} skipped: MONGO_URL is not set`);
    });
  });
}

export interface AdapterHarness<A> {
  open(): Promise<A>;
  cleanup(): Promise<void>;
}

/**
 * One contract suite on each adapter of a port kept in the embedded store or MongoDB: the
 * embedded one in a fresh directory, the MongoDB one over a fake driver (its own logic, where no
 * server is at hand), and on the server MONGO_URL names, in a database of its own per harness.
 */
export function onEmbeddedAndMongo<A>(
  what: string,
  contract: (name: string, harness: () => AdapterHarness<A>) => void,
  adapters: {
    embedded(dir: string): A;
    fakeDriver(): { connection(): Connection };
    overConnection(connection: Connection): A;
    connect(url: string, dbName: string): Promise<A & { dropDatabase(): Promise<void>; close(): Promise<void> }>;
  },
): void {
  contract('SQLite (the embedded default)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'adapter-contract-'));
    return { open: async () => adapters.embedded(dir), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  });
  contract('MongoDB adapter over the fake driver', () => {
    const fake = adapters.fakeDriver();
    return { open: async () => adapters.overConnection(fake.connection()), cleanup: async () => undefined };
  });
  withMongoServer(`${what} contract`, (url) => {
    contract('MongoDB (mongoose), one connection per opener', () => {
      const dbName = `${what.replace(/\W/g, '_')}_${randomUUID().slice(0, 8)}`;
      return {
        open: () => adapters.connect(url, dbName),
        cleanup: async () => {
          const adapter = await adapters.connect(url, dbName);
          await adapter.dropDatabase();
          await adapter.close();
        },
      };
    });
  });
}
