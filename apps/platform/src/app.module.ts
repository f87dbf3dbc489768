import { DynamicModule, Module } from '@nestjs/common';
import { ASSESSMENT_STREAMS, AssessmentsModule } from '@platform/assessments';
import { BlobsModule } from '@platform/blobs';
import { CAMPAIGN_STREAMS, CampaignsModule } from '@platform/campaigns';
import { assertPlatformRunsOn, Clock, EMBEDDED_STORES, PlatformCommonModule, PlatformConfig } from '@platform/common';
import { chainIntegrityOptionsFromEnv, EventStoreModule, NotaryModule, WitnessModule } from '@platform/event-store';
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

/** Every bounded context in one process, on the embedded adapters. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig, clock?: Clock, metrics = new PlatformMetrics('platform')): DynamicModule {
    const stores = config.stores ?? EMBEDDED_STORES;
    assertPlatformRunsOn(stores);
    // Absent (tests, tools that build the app): the runner runs on this event loop, as PROJECTIONS=in-process.
    const hosting = config.projections?.mode ?? 'in-process';
    return {
      module: AppModule,
      imports: [
        PlatformCommonModule.forRoot(config, clock, STREAMS),
        EventStoreModule.forRoot({ dataDir: config.dataDir, clock, integrity: chainIntegrityOptionsFromEnv(process.env), decorate: (store) => timedAppends(store, metrics) }),
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
