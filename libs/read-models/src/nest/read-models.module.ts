import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  InjectionToken,
  Logger,
  Module,
  ModuleMetadata,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleDestroy,
  OptionalFactoryDependency,
  Provider,
} from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { projectionLeasesFor } from '../leases/projection-leases.factory';
import { PROJECTION_LEASES, ProjectionLeases } from '../leases/projection-leases.port';
import { fillNewProjections } from '../fill-new-projections';
import { InMemoryReadStore } from '../memory/in-memory-read-store';
import { Projection } from '../projection';
import { PROJECTION_CATCH_UP, StoredCheckpointCatchUp } from '../projection-catch-up';
import { PROJECTION_RUNNER, ProjectionRunner, ProjectionRunnerOptions } from '../projection-runner';
import { storedProjectionStatus, StoredRunnerStatus } from '../projection-status';
import { READ_STORE, ReadStore } from '../read-store.port';
import { readModelsFile, SqliteReadStore } from '../sqlite/sqlite-read-store';

export const READ_MODELS_OPTIONS = Symbol('READ_MODELS_OPTIONS');

export interface ReadModelsModuleOptions {
  /** Default: 'mongo' when `mongoUrl` is set, else 'embedded' (SQLite in `dataDir`). */
  readonly store?: 'embedded' | 'mongo' | 'memory';
  /** Directory of the embedded store's `read-models.sqlite` (default `data`). */
  readonly dataDir?: string;
  /** Overrides the embedded store's file path. */
  readonly file?: string;
  readonly mongoUrl?: string;
  readonly mongoDbName?: string;
  readonly runner?: Omit<ProjectionRunnerOptions, 'logger'> & { logger?: ProjectionRunnerOptions['logger'] };
  /**
   * Start the runner when the application boots (default true). Off for a process that only
   * answers queries while a projector of its own runs the projections (PROJECTIONS=off), and for a
   * CLI rebuild.
   */
  readonly autoStart?: boolean;
  /** How long a projection's lease lasts unless renewed (default 10 s): how soon another projector takes over from a dead one. */
  readonly leaseMs?: number;
  /**
   * With autoStart: on a history of at least this many events, the projections that never stored
   * anything are filled in one pass before the runner starts, as a projector fills them (see
   * fillNewProjections). Absent, the runner starts at once and catches them up live.
   */
  readonly fillFromEvents?: number;
  readonly projections?: readonly Projection[];
}

export interface ReadModelsModuleAsyncOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: Array<InjectionToken | OptionalFactoryDependency>;
  useFactory(...args: never[]): ReadModelsModuleOptions | Promise<ReadModelsModuleOptions>;
}

/** Opens the configured adapter. */
export async function createReadStore(options: ReadModelsModuleOptions): Promise<ReadStore> {
  const kind = options.store ?? (options.mongoUrl ? 'mongo' : 'embedded');
  switch (kind) {
    case 'memory':
      return new InMemoryReadStore();
    case 'mongo': {
      if (!options.mongoUrl) throw new Error('read models: store "mongo" needs mongoUrl');
      // Loaded here only, so the embedded mode never loads mongoose.
      const { MongoReadStore } = await import('../mongo/mongo-read-store');
      return MongoReadStore.connect({ url: options.mongoUrl, dbName: options.mongoDbName });
    }
    case 'embedded':
      return new SqliteReadStore({ file: options.file ?? readModelsFile(options.dataDir ?? 'data') });
    default: {
      const never: never = kind;
      throw new Error(`unknown read store ${String(never)}`);
    }
  }
}

/** /health's projections, from the stored checkpoints and leases: right whether or not this process runs them. */
@Injectable()
export class ProjectionStatusReader {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PROJECTION_LEASES) private readonly leases: ProjectionLeases,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
  ) {}

  status(): Promise<StoredRunnerStatus> {
    return storedProjectionStatus(this.events, this.store, this.leases, this.runner.projections());
  }
}

@Injectable()
export class ReadModelsLifecycle implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  /** Where this process's fill of new projections stands (see fillFromEvents): null while none runs. */
  filling: number | null = null;
  private started: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();

  constructor(
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(READ_MODELS_OPTIONS) private readonly options: ReadModelsModuleOptions,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.autoStart === false) return;
    if (this.options.fillFromEvents === undefined) this.runner.start();
    else this.started = this.fillThenStart(this.options.fillFromEvents);
  }

  /**
   * Caught up live on the API's event loop instead (PROJECTIONS=in-process), a first start of the
   * scale-1 city was 13% through after 36 s, where the projector thread's fill was 60% through.
   */
  private async fillThenStart(minEvents: number): Promise<void> {
    // Never throws: a fill that fails is logged, and the runner catches up live.
    await fillNewProjections(this.runner, this.events, this.store, { minEvents, logger: new Logger('Projections'), signal: this.stopping.signal, onProgress: (position) => (this.filling = position) });
    this.filling = null;
    if (!this.stopping.signal.aborted) this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort(new Error('the platform is stopping'));
    await this.started;
    await this.runner.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

function coreProviders(): Provider[] {
  return [
    {
      provide: READ_STORE,
      useFactory: (options: ReadModelsModuleOptions) => createReadStore(options),
      inject: [READ_MODELS_OPTIONS],
    },
    {
      provide: PROJECTION_LEASES,
      useFactory: (store: ReadStore) => projectionLeasesFor(store),
      inject: [READ_STORE],
    },
    {
      provide: PROJECTION_CATCH_UP,
      useFactory: (store: ReadStore, leases: ProjectionLeases) => new StoredCheckpointCatchUp(store, leases),
      inject: [READ_STORE, PROJECTION_LEASES],
    },
    {
      provide: ProjectionRunner,
      useFactory: (events: EventStore, store: ReadStore, leases: ProjectionLeases, catchUp: StoredCheckpointCatchUp, options: ReadModelsModuleOptions) =>
        new ProjectionRunner(events, store, options.projections ?? [], {
          logger: new Logger('Projections'),
          lease: { leases, ttlMs: options.leaseMs },
          ...options.runner,
          // Requests waiting for their write in this process look at the checkpoints again at once.
          onCommitted: (projection, position) => {
            catchUp.notify();
            options.runner?.onCommitted?.(projection, position);
          },
        }),
      inject: [EVENT_STORE, READ_STORE, PROJECTION_LEASES, PROJECTION_CATCH_UP, READ_MODELS_OPTIONS],
    },
    ProjectionStatusReader,
    { provide: PROJECTION_RUNNER, useExisting: ProjectionRunner },
    ReadModelsLifecycle,
  ];
}

const EXPORTS = [READ_STORE, ProjectionRunner, PROJECTION_RUNNER, READ_MODELS_OPTIONS, PROJECTION_LEASES, PROJECTION_CATCH_UP, ProjectionStatusReader, ReadModelsLifecycle];

/**
 * The read-model store and the projection runner, for the whole application (global). Needs an
 * EVENT_STORE provider visible to it (a global module, or one passed in `imports`). Bounded
 * contexts add their projections with `ReadModelsModule.forFeature([...])`.
 */
@Global()
@Module({})
export class ReadModelsModule {
  static forRoot(options: ReadModelsModuleOptions = {}, imports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: ReadModelsModule,
      global: true,
      imports,
      providers: [{ provide: READ_MODELS_OPTIONS, useValue: options }, ...coreProviders()],
      exports: EXPORTS,
    };
  }

  static forRootAsync(options: ReadModelsModuleAsyncOptions): DynamicModule {
    return {
      module: ReadModelsModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: READ_MODELS_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        ...coreProviders(),
      ],
      exports: EXPORTS,
    };
  }

  /** Registers a context's projections with the runner (before it starts at application bootstrap). */
  static forFeature(projections: readonly Projection[]): DynamicModule {
    const token = Symbol(`projections:${projections.map((p) => p.name).join(',')}`);
    return {
      module: ReadModelsFeatureModule,
      providers: [
        {
          provide: token,
          useFactory: (runner: ProjectionRunner) => {
            runner.register(...projections);
            return projections;
          },
          inject: [ProjectionRunner],
        },
      ],
    };
  }
}

@Module({})
export class ReadModelsFeatureModule {}
