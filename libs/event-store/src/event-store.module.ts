import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from './event-store.port';
import { COMMAND_STORE, commandStoreOf, IDEMPOTENCY_LOOKUP, IdempotencyLookup } from './idempotency/idempotency-lookup.port';
import { ChainIntegrity, ChainIntegrityOptions } from './integrity/chain-integrity';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { UpcasterRegistry } from './upcasters';

export const UPCASTERS = Symbol('UPCASTERS');

export interface EventStoreModuleOptions {
  readonly dataDir: string;
  readonly clock?: () => Date;
  /** Background verification of the hash chain (it is always verified at start). */
  readonly integrity?: Omit<ChainIntegrityOptions, 'clock' | 'logger'>;
  /** Wraps the adapter once, e.g. to time its appends; every consumer gets the wrapped store. */
  readonly decorate?: <S extends EventStore>(store: S) => S;
}

class EventStoreLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ChainIntegrity) private readonly integrity: ChainIntegrity,
  ) {}
  /** Before any other module starts: what is broken must be known before anything writes. */
  async onModuleInit(): Promise<void> {
    await this.integrity.start();
  }
  async onApplicationShutdown(): Promise<void> {
    this.integrity.stop();
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
          useFactory: (upcasters: UpcasterRegistry) => {
            const store = new SqliteEventStore({ file: join(options.dataDir, 'events.sqlite'), clock: options.clock, upcasters });
            return options.decorate ? options.decorate(store) : store;
          },
        },
        // The embedded store answers the lookup from its own index of keys.
        { provide: IDEMPOTENCY_LOOKUP, useExisting: EVENT_STORE },
        {
          provide: COMMAND_STORE,
          inject: [EVENT_STORE, IDEMPOTENCY_LOOKUP],
          useFactory: (events: EventStore, lookup: IdempotencyLookup) => commandStoreOf(events, lookup),
        },
        {
          provide: ChainIntegrity,
          inject: [EVENT_STORE],
          useFactory: (store: SqliteEventStore) =>
            new ChainIntegrity(store, { ...options.integrity, clock: options.clock, logger: new Logger('ChainIntegrity') }),
        },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE, UPCASTERS, ChainIntegrity, IDEMPOTENCY_LOOKUP, COMMAND_STORE],
    };
  }
}
