import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ScopeLookupRegistry } from './access/scope-lookups';
import { StreamCommandRunner } from './commands/stream-command-runner';
import { ChainWarningMiddleware } from './http/chain-warning.middleware';
import { ReadStreamHttpController } from './queries/read-stream.http.controller';
import { CLOCK, Clock, PLATFORM_CONFIG, PlatformConfig } from './config/platform-config';

@Global()
@Module({})
export class PlatformCommonModule implements NestModule {
  static forRoot(config: PlatformConfig, clock: Clock = () => new Date()): DynamicModule {
    return {
      module: PlatformCommonModule,
      controllers: [ReadStreamHttpController],
      providers: [{ provide: PLATFORM_CONFIG, useValue: config }, { provide: CLOCK, useValue: clock }, StreamCommandRunner, ScopeLookupRegistry],
      exports: [PLATFORM_CONFIG, CLOCK, StreamCommandRunner, ScopeLookupRegistry],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ChainWarningMiddleware).forRoutes('{*path}');
  }
}
