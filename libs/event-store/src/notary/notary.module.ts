import { DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../event-store.port';
import { loadSigningKey, SigningKey } from '../witness/signing-key';
import { DEFAULT_NOTARY_SCHEDULE, GlobalNotary, NotaryLeases, NotarySchedule } from './global-notary';
import { MongoNotaryStore } from './mongo-notary-store';
import { notarySourceFor } from './notary-source';
import { NOTARY_STORE, NotaryStore } from './notary-store.port';
import { NotaryVerifier } from './notary-verifier';
import { SqliteNotaryStore } from './sqlite-notary-store';

export const NOTARY = Symbol('NOTARY');
export const NOTARY_VERIFIER = Symbol('NOTARY_VERIFIER');
const NOTARY_KEY = Symbol('NOTARY_KEY');

export interface NotaryModuleOptions {
  readonly dataDir: string;
  /** The audit signing key (AUDIT_SIGNING_KEY), as the witness takes it; null: the key file in the data directory. */
  readonly signingKey: string | null;
  /** Absent: every 2 s, a checkpoint per 1000 events or 60 minutes. intervalMs 0: this process never advances the notary. */
  readonly schedule?: NotarySchedule;
  /** The token of the leases port (the platform's job leases); absent: this notary is the only one. */
  readonly leases?: symbol;
  /** SHARED_STATE=mongodb: the chain in MongoDB, shared by every replica; else DATA_DIR/notary.sqlite. */
  readonly mongo?: { readonly url: string; readonly dbName?: string } | null;
  readonly clock?: () => Date;
}

class NotaryLifecycle implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  constructor(
    @Inject(NOTARY) private readonly notary: GlobalNotary,
    @Inject(NOTARY_STORE) private readonly store: NotaryStore,
  ) {}
  onApplicationBootstrap(): void {
    this.notary.start();
  }
  /** Before any shutdown hook closes the stores: the round in progress ends and the lease is given up at once. */
  async onModuleDestroy(): Promise<void> {
    await this.notary.stop();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * The global notary (see docs/architecture.md, "Hash chains and the notary"): it chains `$all`
 * in order under the lease `job:notary` wherever its schedule runs (the all-in-one platform, the
 * scheduler), and verifies history against that chain wherever verification is asked for.
 */
@Global()
@Module({})
export class NotaryModule {
  static forRoot(options: NotaryModuleOptions): DynamicModule {
    const schedule = options.schedule ?? DEFAULT_NOTARY_SCHEDULE;
    const logger = new Logger('GlobalNotary');
    const leases = options.leases ? [{ token: options.leases, optional: true }] : [];
    return {
      module: NotaryModule,
      providers: [
        { provide: NOTARY_KEY, useFactory: () => loadSigningKey(options.dataDir, options.signingKey) },
        {
          provide: NOTARY_STORE,
          useFactory: async (): Promise<NotaryStore> =>
            options.mongo ? MongoNotaryStore.connect(options.mongo) : new SqliteNotaryStore(join(options.dataDir, 'notary.sqlite'), { writer: 'thread' }),
        },
        {
          provide: NOTARY,
          inject: [EVENT_STORE, NOTARY_STORE, NOTARY_KEY, ...leases],
          useFactory: (events: EventStore, store: NotaryStore, key: SigningKey, lease?: NotaryLeases) =>
            new GlobalNotary({
              source: notarySourceFor(events),
              store,
              key,
              leases: lease ?? null,
              owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
              clock: options.clock,
              ...schedule,
              onError: (error) => logger.error(`公证失败 notary round failed: ${error instanceof Error ? error.message : String(error)}`),
            }),
        },
        {
          provide: NOTARY_VERIFIER,
          inject: [EVENT_STORE, NOTARY_STORE, NOTARY_KEY],
          useFactory: (events: EventStore, store: NotaryStore, key: SigningKey) => new NotaryVerifier({ source: notarySourceFor(events), store, key }),
        },
        NotaryLifecycle,
      ],
      exports: [NOTARY, NOTARY_VERIFIER, NOTARY_STORE],
    };
  }
}
