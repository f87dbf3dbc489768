import { DynamicModule, Global, Module } from '@nestjs/common';
import { ScopeLookupRegistry } from './access/scope-lookups';
import { StreamCommandRunner } from './commands/stream-command-runner';
import { ReadStreamHttpController } from './queries/read-stream.http.controller';
import { CLOCK, Clock, PLATFORM_CONFIG, PlatformConfig } from './config/platform-config';

@Global()
@Module({})
export class PlatformCommonModule {
  static forRoot(config: PlatformConfig, clock: Clock = () => new Date()): DynamicModule {
    return {
      module: PlatformCommonModule,
      controllers: [ReadStreamHttpController],
      providers: [{ provide: PLATFORM_CONFIG, useValue: config }, { provide: CLOCK, useValue: clock }, StreamCommandRunner, ScopeLookupRegistry],
      exports: [PLATFORM_CONFIG, CLOCK, StreamCommandRunner, ScopeLookupRegistry],
    };
  }
}
