import { SqliteEventStore } from '@platform/event-store';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointDivergence } from './projection-divergence';
import { ProjectionRunner } from './projection-runner';
import { readModelsFile, SqliteReadStore } from './sqlite/sqlite-read-store';
import { appendTicks } from './testing/sample-events';
import { groupTallyProjection, streamActivityProjection, TALLY_GROUPS, TALLY_TOTALS } from './testing/sample-projections';

const KILLS = 8;

/** Runs the projector until its first commit, then kills it at a random moment. */
function runAndKill(eventsFile: string, readFile: string, mode: 'live' | 'rebuild' = 'live'): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'testing', 'crash-projector.ts'), eventsFile, readFile, '3', mode],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json' } },
    );
    let commits = 0;
    let killTimer: NodeJS.Timeout | null = null;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // A child with nothing to commit would otherwise run forever.
    const fallback = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      commits += chunk.toString().split('\n').filter((l) => l.startsWith('committed ')).length;
      if (!killTimer && commits > 0) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 60));
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(fallback);
      if (signal !== 'SIGKILL') reject(new Error(`projector exited by itself (${code}): ${stderr}`));
      else resolve(commits);
    });
  });
}

/** Documents must reflect exactly the events up to the checkpoint: never fewer, never twice. */
async function expectExactlyUpToCheckpoint(events: SqliteEventStore, store: SqliteReadStore): Promise<number> {
  const tally = await store.checkpoint('group-tally');
  const position = tally?.position ?? 0;
  const applied = await events.readAll({ until: position, limit: 1_000_000 });
  const perGroup = new Map<string, number>();
  for (const e of applied) {
    const g = (e.data as { group: string }).group;
    perGroup.set(g, (perGroup.get(g) ?? 0) + 1);
  }
  const totals = await store.get<{ _id: string; ticks: number }>(TALLY_TOTALS, 'all');
  expect(totals?.ticks ?? 0).toBe(applied.length);
  const rows = await store.find<{ _id: string; ticks: number }>(TALLY_GROUPS);
  expect(Object.fromEntries(rows.map((r) => [r._id, r.ticks]))).toEqual(Object.fromEntries(perGroup));

  const activity = await store.checkpoint('stream-activity');
  const streams = await store.find<{ _id: string; ticks: number }>('stream_activity');
  const expected = await events.readAll({ until: activity?.position ?? 0, limit: 1_000_000 });
  expect(streams.reduce((n, s) => n + s.ticks, 0)).toBe(expected.length);
  return position;
}

describe('projection runner under SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rm-crash-'));
  const eventsFile = join(dir, 'events.sqlite');
  const readFile = readModelsFile(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`never double-counts across ${KILLS} kills, and ends with every event counted exactly once`, async () => {
    let killedMidway = 0;
    for (let run = 0; run < KILLS; run++) {
      const writer = new SqliteEventStore({ file: eventsFile });
      await appendTicks(writer, 600, { groups: 7, perAppend: 20 });
      const head = await writer.headPosition();
      await writer.close();

      await runAndKill(eventsFile, readFile);

      const events = new SqliteEventStore({ file: eventsFile });
      const store = new SqliteReadStore({ file: readFile });
      const position = await expectExactlyUpToCheckpoint(events, store);
      if (position < head) killedMidway++;
      await store.close();
      await events.close();
    }
    expect(killedMidway).toBeGreaterThan(0);

    const events = new SqliteEventStore({ file: eventsFile });
    const store = new SqliteReadStore({ file: readFile });
    const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
    const runner = new ProjectionRunner(events, store, [groupTallyProjection(), streamActivityProjection], { logger: quiet });
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    expect(await expectExactlyUpToCheckpoint(events, store)).toBe(KILLS * 600);
    expect(await store.get(TALLY_TOTALS, 'all')).toMatchObject({ ticks: KILLS * 600 });
    await store.close();
    await events.close();
  }, 120_000);

  it('never double-counts when killed during a rebuild from the first event, asked for or after a divergence', async () => {
    const rebuildDir = mkdtempSync(join(tmpdir(), 'rm-crash-rebuild-'));
    const events = join(rebuildDir, 'events.sqlite');
    const reads = readModelsFile(rebuildDir);
    const writer = new SqliteEventStore({ file: events });
    await appendTicks(writer, 3_000, { groups: 7, perAppend: 50 });
    await writer.close();
    let killedMidway = 0;
    for (let run = 0; run < 3; run++) {
      await runAndKill(events, reads, 'rebuild');
      const es = new SqliteEventStore({ file: events });
      const store = new SqliteReadStore({ file: reads });
      if ((await expectExactlyUpToCheckpoint(es, store)) < 3_000) killedMidway++;
      await store.close();
      await es.close();
    }
    expect(killedMidway).toBeGreaterThan(0);

    // The automatic rebuild too: the event store restored to an earlier copy, the read models ahead of it.
    const earlier = join(rebuildDir, 'events.earlier.sqlite');
    const source = new SqliteEventStore({ file: events });
    source.db.prepare('VACUUM INTO ?').run(earlier);
    await appendTicks(source, 500, { groups: 7, perAppend: 50 });
    await source.close();
    await runAndKill(events, reads, 'rebuild');
    for (const suffix of ['-wal', '-shm']) rmSync(`${events}${suffix}`, { force: true });
    copyFileSync(earlier, events);
    const restored = new SqliteEventStore({ file: events });
    await appendTicks(restored, 10, { groups: 7, perAppend: 10 });
    await restored.close();
    await runAndKill(events, reads, 'live');
    {
      const es = new SqliteEventStore({ file: events });
      const store = new SqliteReadStore({ file: reads });
      // Killed before the divergence was acted on, the checkpoint still does not match: the next start finds it.
      const checkpoint = await store.checkpoint('group-tally');
      if (!(await checkpointDivergence(es, checkpoint?.position ?? 0, checkpoint?.hash ?? null))) await expectExactlyUpToCheckpoint(es, store);
      await store.close();
      await es.close();
    }

    const es = new SqliteEventStore({ file: events });
    const store = new SqliteReadStore({ file: reads });
    const runner = new ProjectionRunner(es, store, [groupTallyProjection(), streamActivityProjection], {
      logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
    });
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    expect((await runner.status()).projections.every((p) => p.divergence === null || p.divergence.rebuiltAt !== null)).toBe(true);
    expect(await expectExactlyUpToCheckpoint(es, store)).toBe(3_010);
    await store.close();
    await es.close();
    rmSync(rebuildDir, { recursive: true, force: true });
  }, 120_000);
});
