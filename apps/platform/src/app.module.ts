import { DynamicModule, Module } from '@nestjs/common';
import { CampaignsModule } from '@platform/campaigns';
import { Clock, PlatformCommonModule, PlatformConfig } from '@platform/common';
import { chainIntegrityOptionsFromEnv, EventStoreModule, WitnessModule } from '@platform/event-store';
import { IdentityModule } from '@platform/identity';
import { InboxModule } from '@platform/inbox';
import { InstructionsModule } from '@platform/instructions';
import { OrganizationsModule } from '@platform/organizations';
import { ReadModelsModule } from '@platform/read-models';
import { RectificationModule } from '@platform/rectification';
import { ViewsModule } from '@platform/views';
import { HealthHttpController } from './health.http.controller';

/** Every bounded context in one process, on the embedded adapters. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformCommonModule.forRoot(config, clock),
        EventStoreModule.forRoot({ dataDir: config.dataDir, clock, integrity: chainIntegrityOptionsFromEnv(process.env) }),
        WitnessModule.forRoot({ dataDir: config.dataDir, config: config.witness, clock }),
        OrganizationsModule,
        CampaignsModule,
        RectificationModule,
        ReadModelsModule.forRoot({
          dataDir: config.dataDir,
          autoStart: config.projections?.mode !== 'off',
          leaseMs: config.projections?.leaseMs,
        }),
        ViewsModule,
        IdentityModule,
        InstructionsModule,
        InboxModule,
      ],
      controllers: [HealthHttpController],
    };
  }
}
