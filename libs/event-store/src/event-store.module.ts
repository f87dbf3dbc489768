import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { UpcasterRegistry } from './upcasters';

export const UPCASTERS = Symbol('UPCASTERS');

export interface EventStoreModuleOptions {
  readonly dataDir: string;
  readonly clock?: () => Date;
}

class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** The embedded adapter is the default; other adapters plug in behind the same EVENT_STORE token. */
@Global()
@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: UPCASTERS, useValue: new UpcasterRegistry() },
        {
          provide: EVENT_STORE,
          inject: [UPCASTERS],
          useFactory: (upcasters: UpcasterRegistry) =>
            new SqliteEventStore({ file: join(options.dataDir, 'events.sqlite'), clock: options.clock, upcasters }),
        },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE, UPCASTERS],
    };
  }
}
