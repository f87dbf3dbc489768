import { DynamicModule, Module } from '@nestjs/common';
import { ASSESSMENT_STREAMS, AssessmentsModule } from '@platform/assessments';
import { BlobsModule } from '@platform/blobs';
import { CAMPAIGN_STREAMS, CampaignsModule } from '@platform/campaigns';
import { assertPlatformRunsOn, Clock, EMBEDDED_STORES, PlatformCommonModule, PlatformConfig, ProjectionsConfig } from '@platform/common';
import { chainIntegrityOptionsFromEnv, EventStoreModule, EventStoreModuleOptions, MongoIdempotencyIndex, NotaryModule, WitnessModule } from '@platform/event-store';
import { IdentityModule } from '@platform/identity';
import { MEMBER_STREAMS, MembersModule } from '@platform/members';
import { KEY_TASK_STREAMS, KeyTasksModule } from '@platform/key-tasks';
import { InboxModule } from '@platform/inbox';
import { InstructionsModule } from '@platform/instructions';
import { ORGANIZATION_STREAMS, OrganizationsModule } from '@platform/organizations';
import { PROJECTION_LEASES, ReadModelsModule } from '@platform/read-models';
import { RECTIFICATION_STREAMS, RectificationModule } from '@platform/rectification';
import { VIEW_STREAMS, ViewsModule } from '@platform/views';
import { PlatformMetrics, timedAppends } from '@platform/observability';
import { HealthHttpController } from './health.http.controller';
import { MetricsHttpController } from './metrics.http.controller';
import { ProjectorThreadLifecycle } from './projections/projector-thread.lifecycle';

/** The event streams each context serves at /api/streams, with the units each concerns. */
const STREAMS = [...ORGANIZATION_STREAMS, ...CAMPAIGN_STREAMS, ...RECTIFICATION_STREAMS, ...VIEW_STREAMS, ...ASSESSMENT_STREAMS, ...MEMBER_STREAMS, ...KEY_TASK_STREAMS];

/**
 * For tests: the embedded store made to promise what a clustered one does (no global chain, one
 * stream per append) with an idempotency index beside it, so that the platform's KurrentDB code
 * paths run where no KurrentDB server is; or, on a KurrentDB server, a namespace of the test's own.
 */
export interface ClusteredLikeEventStore {
  readonly capabilities?: { readonly atomicMultiStream: boolean; readonly globalHashChain: boolean };
  readonly idempotencyIndex?: EventStoreModuleOptions['idempotencyIndex'];
  readonly namespace?: string;
}

/** Where the platform runs its projections. Absent (tests, tools that build the app): on the API's event loop, as PROJECTIONS=in-process. */
export const projectionsHosting = (config: Pick<PlatformConfig, 'projections'>): ProjectionsConfig['mode'] => config.projections?.mode ?? 'in-process';

/** Every bounded context in one process, on the configured adapters (the embedded ones by default). */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig, clock?: Clock, metrics = new PlatformMetrics('platform'), clusteredLike?: ClusteredLikeEventStore): DynamicModule {
    const stores = config.stores ?? EMBEDDED_STORES;
    const hosting = projectionsHosting(config);
    assertPlatformRunsOn(stores, hosting);
    const index = stores.idempotencyIndex;
    return {
      module: AppModule,
      imports: [
        PlatformCommonModule.forRoot(config, clock, STREAMS),
        EventStoreModule.forRoot({
          dataDir: config.dataDir,
          adapter: stores.eventStore.kind === 'kurrentdb' ? { ...stores.eventStore, namespace: clusteredLike?.namespace } : { kind: 'sqlite', capabilities: clusteredLike?.capabilities, writer: stores.eventStore.writer },
          idempotencyIndex: index.kind === 'mongodb' ? () => MongoIdempotencyIndex.connect(index) : clusteredLike?.idempotencyIndex,
          clock,
          integrity: chainIntegrityOptionsFromEnv(process.env),
          decorate: (store) => timedAppends(store, metrics),
        }),
        WitnessModule.forRoot({ dataDir: config.dataDir, config: config.witness, clock }),
        NotaryModule.forRoot({
          dataDir: config.dataDir,
          signingKey: config.witness?.signingKey ?? null,
          schedule: config.notary,
          leases: PROJECTION_LEASES,
          mongo: stores.sharedState.kind === 'mongodb' ? { url: stores.sharedState.url, dbName: stores.sharedState.dbName } : null,
          clock,
        }),
        OrganizationsModule,
        CampaignsModule,
        RectificationModule,
        ReadModelsModule.forRoot({
          dataDir: config.dataDir,
          ...(stores.readStore.kind === 'mongodb' ? { store: 'mongo', mongoUrl: stores.readStore.url, mongoDbName: stores.readStore.dbName } : {}),
          autoStart: hosting === 'in-process',
          leaseMs: config.projections?.leaseMs,
          ...(hosting === 'in-process' ? { fillFromEvents: config.projections?.fillFromEvents, runner: { settleMs: config.projections?.settleMs } } : {}),
        }),
        ViewsModule,
        IdentityModule,
        AssessmentsModule,
        MembersModule,
        KeyTasksModule,
        BlobsModule,
        InstructionsModule,
        InboxModule,
      ],
      controllers: [HealthHttpController, MetricsHttpController],
      providers: [{ provide: PlatformMetrics, useValue: metrics }, ...(hosting === 'worker' ? [ProjectorThreadLifecycle] : [])],
    };
  }
}
