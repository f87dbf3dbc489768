import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '../sqlite/sqlite-read-store';
import { projectionLeasesContract } from '../testing/projection-leases.contract';
import { projectionLeasesFor } from './projection-leases.factory';

projectionLeasesContract('SQLite, two connections to one file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leases-'));
  const stores: SqliteReadStore[] = [];
  return {
    open: async () => {
      stores.push(new SqliteReadStore({ file: join(dir, 'read-models.sqlite') }), new SqliteReadStore({ file: join(dir, 'read-models.sqlite') }));
      return { a: projectionLeasesFor(stores[0]), b: projectionLeasesFor(stores[1]) };
    },
    cleanup: async () => {
      for (const s of stores) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
