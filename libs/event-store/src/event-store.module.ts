import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, EventStore } from './event-store.port';
import { IdempotencyIndex } from './idempotency/idempotency-index.port';
import { COMMAND_STORE, commandStoreOf, IDEMPOTENCY_LOOKUP, IdempotencyLookup } from './idempotency/idempotency-lookup.port';
import { withIdempotencyIndex } from './idempotency/indexed-idempotency-lookup';
import { ChainIntegrity, ChainIntegrityOptions } from './integrity/chain-integrity';
import { EventStoreAdapter, openEventStore } from './open-event-store';
import { UpcasterRegistry } from './upcasters';

export const UPCASTERS = Symbol('UPCASTERS');

export interface EventStoreModuleOptions {
  readonly dataDir: string;
  /** Which adapter (EVENT_STORE); absent: the embedded store in the data directory. */
  readonly adapter?: EventStoreAdapter;
  /**
   * Where commands' idempotency keys are indexed when the store cannot be asked by key (KurrentDB):
   * keyed appends are recorded there first (see IndexedIdempotencyLookup). Absent: the store's own lookup.
   */
  readonly idempotencyIndex?: () => Promise<IdempotencyIndex>;
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

const isLookup = (store: EventStore): store is EventStore & IdempotencyLookup =>
  typeof (store as Partial<IdempotencyLookup>).findByIdempotencyKey === 'function';

/** The configured adapter behind the EVENT_STORE token, with the idempotency lookup it can offer. */
@Global()
@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    const adapter = options.adapter ?? { kind: 'sqlite' };
    return {
      module: EventStoreModule,
      providers: [
        { provide: UPCASTERS, useValue: new UpcasterRegistry() },
        {
          provide: EVENT_STORE,
          inject: [UPCASTERS],
          useFactory: async (upcasters: UpcasterRegistry) => {
            const opened = await openEventStore(adapter, { dataDir: options.dataDir, clock: options.clock, upcasters });
            const store = options.idempotencyIndex ? withIdempotencyIndex(opened, await options.idempotencyIndex()) : opened;
            return options.decorate ? options.decorate(store) : store;
          },
        },
        {
          provide: IDEMPOTENCY_LOOKUP,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore): IdempotencyLookup => {
            if (isLookup(store)) return store;
            throw new Error(
              `EVENT_STORE=${adapter.kind}: this store cannot find a command's events by its idempotency key; ` +
                'configure an idempotency index (MONGO_URL) so that retried commands are answered with their first result',
            );
          },
        },
        {
          provide: COMMAND_STORE,
          inject: [EVENT_STORE, IDEMPOTENCY_LOOKUP],
          useFactory: (events: EventStore, lookup: IdempotencyLookup) => commandStoreOf(events, lookup),
        },
        {
          provide: ChainIntegrity,
          inject: [EVENT_STORE],
          // Steps aside (state `notary`) on a store that promises no global chain.
          useFactory: (store: EventStore) => new ChainIntegrity(store, { ...options.integrity, clock: options.clock, logger: new Logger('ChainIntegrity') }),
        },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE, UPCASTERS, ChainIntegrity, IDEMPOTENCY_LOOKUP, COMMAND_STORE],
    };
  }
}
