import { join } from 'node:path';
import { EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { UpcasterRegistry } from './upcasters';

/** Which adapter (EVENT_STORE, see StoresConfig): the embedded file in the data directory, or a KurrentDB server. */
export type EventStoreAdapter =
  | {
      readonly kind: 'sqlite';
      /** Promise less than the embedded store can (as a clustered store), so that their code paths run here: tests. */
      readonly capabilities?: { readonly atomicMultiStream?: boolean; readonly globalHashChain?: boolean };
      /** Where the group commits run (see SqliteEventStoreOptions.writer); a server's default is the writer thread ('auto' measured no better: see EVENT_STORE_WRITER). */
      readonly writer?: 'auto' | 'thread' | 'inline';
    }
  | { readonly kind: 'kurrentdb'; readonly url: string; readonly namespace?: string };

export interface OpenEventStoreOptions {
  readonly dataDir: string;
  readonly clock?: () => Date;
  readonly upcasters?: UpcasterRegistry;
}

/** Opens the configured adapter; the KurrentDB client is loaded only when chosen. */
export async function openEventStore(adapter: EventStoreAdapter, options: OpenEventStoreOptions): Promise<EventStore> {
  switch (adapter.kind) {
    case 'sqlite':
      return new SqliteEventStore({ file: join(options.dataDir, 'events.sqlite'), clock: options.clock, upcasters: options.upcasters, writer: adapter.writer ?? 'thread', ...adapter.capabilities });
    case 'kurrentdb': {
      const { KurrentDbEventStore } = await import('./kurrentdb/kurrentdb-event-store');
      return new KurrentDbEventStore({ url: adapter.url, namespace: adapter.namespace, clock: options.clock, upcasters: options.upcasters });
    }
    default: {
      const never: never = adapter;
      throw new Error(`unknown event store ${String(never)}`);
    }
  }
}
