import { SqliteEventStore } from '@platform/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectionRunner } from '../projection-runner';
import type { ReadStore } from '../read-store.port';
import { readModelsFile, SqliteReadStore } from '../sqlite/sqlite-read-store';

export interface SqliteStores {
  readonly dir: string;
  readonly events: SqliteEventStore;
  readonly store: SqliteReadStore;
}

/** A SQLite event store and read store in a fresh folder: what a runner spec projects between, one pair per test. */
export function openSqliteStores(prefix: string, clock?: () => Date): SqliteStores {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, events: new SqliteEventStore({ file: join(dir, 'events.sqlite'), clock }), store: new SqliteReadStore({ file: readModelsFile(dir) }) };
}

/** Stops the test's runner (if it started one), closes both stores and removes their folder. */
export async function closeSqliteStores({ dir, events, store }: { dir: string; events: SqliteEventStore; store: ReadStore }, runner: ProjectionRunner | null): Promise<void> {
  await runner?.stop();
  await store.close();
  await events.close();
  rmSync(dir, { recursive: true, force: true });
}
