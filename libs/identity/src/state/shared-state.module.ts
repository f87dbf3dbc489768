import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Connection } from 'mongoose';
import { join } from 'node:path';
import { EMBEDDED_STORES, PLATFORM_CONFIG, PlatformConfig } from '@platform/common';
import { FailureWindow } from '../rate-limits/failure-window';
import { FAILURE_WINDOWS, FailureWindows } from '../rate-limits/failure-windows.port';
import { MemoryThrottlerStorage } from '../rate-limits/memory-throttler-storage';
import { MongoFailureWindow } from '../rate-limits/mongo-failure-window';
import { MongoThrottlerStorage } from '../rate-limits/mongo-throttler-storage';
import { IDENTITY_STATE, IdentityState } from './identity-state.port';
import { MongoIdentityState } from './mongo-identity-state';
import { SqliteIdentityState } from './sqlite-identity-state';

/** The request throttler's counters (ThrottlerStorage of @nestjs/throttler). */
export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');
const SHARED_STATE_CONNECTION = Symbol('SHARED_STATE_CONNECTION');

/**
 * What API replicas must not each keep for themselves, on the store SHARED_STATE names: the
 * identity state, the request counters and the failed sign-in counts. Embedded (default): DATA_DIR/identity.sqlite and
 * in-process counters, one process. MongoDB: one connection for both, shared by every replica.
 */
@Module({
  providers: [
    {
      provide: SHARED_STATE_CONNECTION,
      inject: [PLATFORM_CONFIG],
      useFactory: async (config: PlatformConfig): Promise<Connection | null> => {
        const choice = (config.stores ?? EMBEDDED_STORES).sharedState;
        if (choice.kind !== 'mongodb') return null;
        // Loaded only when chosen, as the read store does: the embedded start does not pay for the driver.
        const { createConnection } = await import('mongoose');
        return createConnection(choice.url, { dbName: choice.dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
      },
    },
    {
      provide: IDENTITY_STATE,
      inject: [PLATFORM_CONFIG, SHARED_STATE_CONNECTION],
      useFactory: (config: PlatformConfig, connection: Connection | null): IdentityState =>
        connection ? new MongoIdentityState(connection) : new SqliteIdentityState(join(config.dataDir, 'identity.sqlite')),
    },
    {
      provide: RATE_LIMIT_STORAGE,
      inject: [SHARED_STATE_CONNECTION],
      useFactory: (connection: Connection | null): ThrottlerStorage => (connection ? new MongoThrottlerStorage(connection) : new MemoryThrottlerStorage()),
    },
    {
      provide: FAILURE_WINDOWS,
      inject: [SHARED_STATE_CONNECTION],
      useFactory: (connection: Connection | null): FailureWindows => (name, limit, windowMs) =>
        connection ? new MongoFailureWindow(connection, name, limit, windowMs) : new FailureWindow(limit, windowMs),
    },
  ],
  exports: [IDENTITY_STATE, RATE_LIMIT_STORAGE, FAILURE_WINDOWS],
})
export class SharedStateModule implements OnApplicationShutdown {
  constructor(
    @Inject(IDENTITY_STATE) private readonly state: IdentityState,
    @Inject(SHARED_STATE_CONNECTION) private readonly connection: Connection | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.state.close();
    await this.connection?.close();
  }
}
