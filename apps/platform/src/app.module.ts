import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { CampaignsModule } from '@platform/campaigns';
import { Clock, DevActorMiddleware, PlatformCommonModule, PlatformConfig } from '@platform/common';
import { EventStoreModule } from '@platform/event-store';
import { IdentityModule } from '@platform/identity';
import { OrganizationsModule } from '@platform/organizations';
import { HealthHttpController } from './health.http.controller';

/** Every bounded context in one process, on the embedded adapters. */
@Module({})
export class AppModule implements NestModule {
  private static devActor = false;

  static forRoot(config: PlatformConfig, clock?: Clock): DynamicModule {
    AppModule.devActor = config.devActorHeader;
    return {
      module: AppModule,
      imports: [
        PlatformCommonModule.forRoot(config, clock),
        EventStoreModule.forRoot({ dataDir: config.dataDir, clock }),
        OrganizationsModule,
        CampaignsModule,
        IdentityModule,
      ],
      controllers: [HealthHttpController],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (AppModule.devActor) consumer.apply(DevActorMiddleware).forRoutes('*');
  }
}
