import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EVENT_STORE, SqliteEventStore } from '@platform/event-store';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryReadStore } from '../memory/in-memory-read-store';
import { PROJECTION_RUNNER, ProjectionRunner } from '../projection-runner';
import { READ_STORE, ReadStore } from '../read-store.port';
import { SqliteReadStore } from '../sqlite/sqlite-read-store';
import { appendTicks } from '../testing/sample-events';
import { groupTallyProjection, streamActivityProjection, TALLY_TOTALS } from '../testing/sample-projections';
import { createReadStore, ReadModelsModule } from './read-models.module';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('ReadModelsModule', () => {
  let dir: string;
  let events: SqliteEventStore;

  @Global()
  @Module({ providers: [{ provide: EVENT_STORE, useFactory: () => events }], exports: [EVENT_STORE] })
  class EventsModule {}

  @Module({ imports: [ReadModelsModule.forFeature([groupTallyProjection()])] })
  class TallyModule {}

  @Module({ imports: [ReadModelsModule.forFeature([streamActivityProjection])] })
  class ActivityModule {}

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rm-nest-'));
    events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('provides the embedded store by default and runs the projections other modules register', async () => {
    await appendTicks(events, 12);
    const app = await Test.createTestingModule({
      imports: [EventsModule, ReadModelsModule.forRoot({ dataDir: dir, runner: { pollMs: 20, logger: quiet } }), TallyModule, ActivityModule],
    }).compile();
    await app.init();
    const runner = app.get(ProjectionRunner);
    expect(app.get(PROJECTION_RUNNER)).toBe(runner);
    const store = app.get<ReadStore>(READ_STORE);
    expect(store).toBeInstanceOf(SqliteReadStore);
    expect(existsSync(join(dir, 'read-models.sqlite'))).toBe(true);
    expect(runner.projections().map((p) => p.name).sort()).toEqual(['group-tally', 'stream-activity']);
    expect(runner.isRunning).toBe(true);

    await appendTicks(events, 3);
    await runner.caughtUp();
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: 15 });
    expect((await runner.status()).healthy).toBe(true);
    await app.close();
    expect(runner.isRunning).toBe(false);
  });

  it('takes its options from a factory and can leave the runner stopped (for a CLI rebuild)', async () => {
    await appendTicks(events, 5);
    const app = await Test.createTestingModule({
      imports: [
        EventsModule,
        ReadModelsModule.forRootAsync({ useFactory: () => ({ store: 'memory', autoStart: false, runner: { logger: quiet } }) }),
        TallyModule,
      ],
    }).compile();
    await app.init();
    const runner = app.get(ProjectionRunner);
    expect(app.get(READ_STORE)).toBeInstanceOf(InMemoryReadStore);
    expect(runner.isRunning).toBe(false);
    expect(await runner.rebuild('group-tally')).toMatchObject({ position: 5, events: 5 });
    expect(runner.isRunning).toBe(false);
    await app.close();
  });

  it('needs a MongoDB URL for the mongo store', async () => {
    await expect(createReadStore({ store: 'mongo' })).rejects.toThrow(/needs mongoUrl/);
  });
});
