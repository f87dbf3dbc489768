import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadPlatformConfig, PLATFORM_CONFIG, PlatformConfig } from '@platform/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FailureWindow } from '../rate-limits/failure-window';
import { FAILURE_WINDOWS, FailureWindows } from '../rate-limits/failure-windows.port';
import { MemoryThrottlerStorage } from '../rate-limits/memory-throttler-storage';
import { MongoFailureWindow } from '../rate-limits/mongo-failure-window';
import { MongoThrottlerStorage } from '../rate-limits/mongo-throttler-storage';
import { IDENTITY_STATE, IdentityState } from './identity-state.port';
import { MongoIdentityState } from './mongo-identity-state';
import { RATE_LIMIT_STORAGE, SharedStateModule } from './shared-state.module';
import { SqliteIdentityState } from './sqlite-identity-state';

async function sharedStateFor(config: PlatformConfig) {
  @Global()
  @Module({ providers: [{ provide: PLATFORM_CONFIG, useValue: config }], exports: [PLATFORM_CONFIG] })
  class ConfigModule {}
  const app = await Test.createTestingModule({ imports: [ConfigModule, SharedStateModule] }).compile();
  const windows = app.get<FailureWindows>(FAILURE_WINDOWS);
  return { app, state: app.get<IdentityState>(IDENTITY_STATE), counters: app.get(RATE_LIMIT_STORAGE), failures: windows('account', 3, 60_000) };
}

const dataDir = mkdtempSync(join(tmpdir(), 'shared-state-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('keeps the identity state in DATA_DIR and the counters in process by default', async () => {
  const { app, state, counters, failures } = await sharedStateFor(loadPlatformConfig({ DATA_DIR: dataDir }));
  expect(state).toBeInstanceOf(SqliteIdentityState);
  expect(counters).toBeInstanceOf(MemoryThrottlerStorage);
  expect(failures).toBeInstanceOf(FailureWindow);
  await state.setPasswordHash('u-1', '$argon2id$x', '2026-03-01T08:00:00.000Z');
  await app.close();
  const again = await sharedStateFor(loadPlatformConfig({ DATA_DIR: dataDir }));
  expect(await again.state.passwordHash('u-1')).toBe('$argon2id$x');
  await again.app.close();
});

const url = process.env.MONGO_URL;
if (url) {
  it('puts both in MongoDB with SHARED_STATE=mongodb', async () => {
    const { app, state, counters, failures } = await sharedStateFor(loadPlatformConfig({ DATA_DIR: dataDir, SHARED_STATE: 'mongodb', MONGO_URL: url, MONGO_DB: `shared_state_${process.pid}` }));
    expect(state).toBeInstanceOf(MongoIdentityState);
    expect(counters).toBeInstanceOf(MongoThrottlerStorage);
    expect(failures).toBeInstanceOf(MongoFailureWindow);
    await (state as MongoIdentityState).dropDatabase();
    await app.close();
  });
} else {
  it('puts both in MongoDB with SHARED_STATE=mongodb (needs MONGO_URL)', () => {
    console.log('SHARED_STATE=mongodb wiring skipped: MONGO_URL is not set');
  });
}
