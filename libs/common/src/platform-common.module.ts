import { DynamicModule, Global, Module } from '@nestjs/common';
import { ScopeLookupRegistry, STREAM_CATEGORIES, StreamCategory } from './access/scope-lookups';
import { StreamCommandRunner } from './commands/stream-command-runner';
import { ReadStreamHttpController } from './queries/read-stream.http.controller';
import { CLOCK, Clock, PLATFORM_CONFIG, PlatformConfig } from './config/platform-config';

@Global()
@Module({})
export class PlatformCommonModule {
  /** `streams`: every context's stream categories, for the event-stream endpoint's scope checks. */
  static forRoot(config: PlatformConfig, clock: Clock = () => new Date(), streams: readonly StreamCategory[] = []): DynamicModule {
    return {
      module: PlatformCommonModule,
      controllers: [ReadStreamHttpController],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: STREAM_CATEGORIES, useValue: streams },
        StreamCommandRunner,
        ScopeLookupRegistry,
      ],
      exports: [PLATFORM_CONFIG, CLOCK, StreamCommandRunner, ScopeLookupRegistry],
    };
  }
}
