import { blobsDir, FsBlobStore, samplePdf } from '@platform/blobs';
import { SqliteEventStore } from '@platform/event-store';
import {
  InMemoryReadStore,
  Projection,
  ProjectionRunner,
  readModelsFile,
  ReadStore,
  SqliteReadStore,
} from '@platform/read-models';
import { groupTallyProjection, streamActivityProjection } from '@platform/read-models/testing/sample-projections';
import { sampleEvent } from '@platform/read-models/testing/sample-events';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupDataDir, MANIFEST, restoreDataDir } from './data-dir-backup';
import { tempDirPerTest } from '@platform/common/testing/temp-dir';

const root = join(__dirname, '../../../..');
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const projections = (): Projection[] => [groupTallyProjection(), streamActivityProjection];

/** `npm run backup -- <target>` as a child process, on DATA_DIR. */
function backupProcess(dataDir: string, target: string): ChildProcess & { done: Promise<{ code: number | null; signal: string | null; output: string }> } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'backup.main.ts'), target], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, SWC_NODE_PROJECT: join(root, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const done = new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return Object.assign(child, { done });
}

async function documents(store: ReadStore, list: readonly Projection[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const p of list) for (const c of p.collections) out[c] = await store.find(c, {}, { sort: { _id: 1 } });
  return out;
}

/** Appends Ticked events until stopped, recording each acknowledged event id in order. */
function writeLoad(events: SqliteEventStore): { acked: string[]; stop: () => Promise<void> } {
  const acked: string[] = [];
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const batch = Array.from({ length: 5 }, (_, k) => sampleEvent('Ticked', { group: `g${(i + k) % 6}`, pad: 'x'.repeat(300) }));
      await events.append(`tally-${i % 9}`, batch, 'any');
      acked.push(...batch.map((e) => e.eventId));
    }
  })();
  return { acked, stop: async () => ((running = false), await loop) };
}

/** A data directory in use: its projections running and events appended until the load is stopped. */
function busyDataDir(data: string) {
  const events = new SqliteEventStore({ file: join(data, 'events.sqlite') });
  const store = new SqliteReadStore({ file: readModelsFile(data) });
  const runner = new ProjectionRunner(events, store, projections(), { logger: quiet, pollMs: 10 });
  runner.start();
  return { events, store, runner, load: writeLoad(events) };
}

describe('backup and restore of a data directory', () => {
  const dir = tempDirPerTest('platform-backup-');

  it('backs up under write load; the restored platform holds every event acknowledged before, and views equal a fresh rebuild', async () => {
    const data = join(dir(), 'data');
    const { events, store, runner, load } = busyDataDir(data);
    await new Promise((r) => setTimeout(r, 300));

    const ackedBefore = [...load.acked];
    const result = await backupProcess(data, join(dir(), 'backup')).done;
    const ackedDuring = load.acked.length - ackedBefore.length;
    await load.stop();
    await runner.stop();
    await store.close();
    await events.close();
    expect(result).toMatchObject({ code: 0 });
    expect(ackedBefore.length).toBeGreaterThan(0);
    expect(ackedDuring).toBeGreaterThan(0);

    const restored = join(dir(), 'restored');
    const { manifest } = restoreDataDir(join(dir(), 'backup'), restored);
    expect(manifest.files.map((f) => f.name)).toEqual(['events.sqlite', 'read-models.sqlite']);
    const back = new SqliteEventStore({ file: join(restored, 'events.sqlite') });
    const ids = new Set(back.db.prepare('SELECT event_id FROM events').pluck().all() as string[]);
    expect(ackedBefore.filter((id) => !ids.has(id))).toEqual([]);
    expect(await back.verifyChain()).toMatchObject({ ok: true, headPosition: manifest.events.headPosition });
    for (const c of manifest.checkpoints) expect(c.position).toBeLessThanOrEqual(manifest.events.headPosition);

    const backStore = new SqliteReadStore({ file: readModelsFile(restored) });
    const live = new ProjectionRunner(back, backStore, projections(), { logger: quiet });
    live.start();
    await live.caughtUp();
    const status = await live.status();
    await live.stop();
    expect(status.projections.map((p) => p.divergence)).toEqual([null, null]);
    const fresh = new InMemoryReadStore();
    const rebuilder = new ProjectionRunner(back, fresh, projections(), { logger: quiet });
    for (const p of projections()) await rebuilder.rebuild(p.name);
    expect(await documents(backStore, projections())).toEqual(await documents(fresh, projections()));
    await backStore.close();
    await back.close();
  }, 30_000);

  it('carries the evidence files along: backed up after the events, restored beside them', async () => {
    const data = join(dir(), 'data-files');
    const events = new SqliteEventStore({ file: join(data, 'events.sqlite') });
    await events.append('tally-1', [sampleEvent('Ticked', { group: 'g1' })], 'any');
    await events.close();
    const pdf = samplePdf('minutes');
    const stored = await new FsBlobStore(blobsDir(data)).put(pdf, 'application/pdf');
    backupDataDir(data, join(dir(), 'bf'));
    restoreDataDir(join(dir(), 'bf'), join(dir(), 'rf'));
    expect((await new FsBlobStore(blobsDir(join(dir(), 'rf'))).get(stored.sha256))?.equals(pdf)).toBe(true);
    expect(await new FsBlobStore(blobsDir(join(dir(), 'rf'))).head(stored.sha256)).toEqual(stored);
  });

  it('refuses an unfinished or damaged backup, and a target that exists; sets the replaced files aside', async () => {
    const data = join(dir(), 'data');
    const events = new SqliteEventStore({ file: join(data, 'events.sqlite') });
    await events.append('tally-1', [sampleEvent('Ticked', { group: 'g1' })], 'any');
    await events.close();
    backupDataDir(data, join(dir(), 'b1'));
    expect(() => backupDataDir(data, join(dir(), 'b1'))).toThrow(/exists already/);

    rmSync(join(dir(), 'b1', MANIFEST));
    expect(() => restoreDataDir(join(dir(), 'b1'), join(dir(), 'r1'))).toThrow(/holds no backup\.json: not a backup, or one that did not finish/);
    backupDataDir(data, join(dir(), 'b2'));
    writeFileSync(join(dir(), 'b2', 'events.sqlite'), 'damaged');
    expect(() => restoreDataDir(join(dir(), 'b2'), join(dir(), 'r2'))).toThrow(/does not match the backup's manifest/);
    expect(existsSync(join(dir(), 'r2', 'events.sqlite'))).toBe(false);

    backupDataDir(data, join(dir(), 'b3'));
    const { setAside } = restoreDataDir(join(dir(), 'b3'), data);
    expect(setAside && existsSync(join(setAside, 'events.sqlite'))).toBe(true);
    const back = new SqliteEventStore({ file: join(data, 'events.sqlite') });
    expect(await back.headPosition()).toBe(1);
    await back.close();
  });

  it('soak: a backup killed at random leaves the data intact and no directory that passes for a backup', async () => {
    const data = join(dir(), 'data');
    const { events, store, runner, load } = busyDataDir(data);
    await new Promise((r) => setTimeout(r, 1_000));
    let killedMidway = 0;
    for (let run = 0; run < 3; run++) {
      const target = join(dir(), `kill-${run}`);
      const child = backupProcess(data, target);
      child.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('copying')) setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 40));
      });
      const { signal } = await child.done;
      if (existsSync(target)) {
        expect(existsSync(join(target, MANIFEST))).toBe(true);
      } else {
        expect(signal).toBe('SIGKILL');
        expect(() => restoreDataDir(`${target}.partial`, join(dir(), `r-${run}`))).toThrow(/did not finish/);
        killedMidway++;
      }
    }
    const acked = [...load.acked];
    await load.stop();
    await runner.caughtUp();
    expect((await runner.status()).healthy).toBe(true);
    await runner.stop();
    const ids = new Set(events.db.prepare('SELECT event_id FROM events').pluck().all() as string[]);
    expect(acked.filter((id) => !ids.has(id))).toEqual([]);
    expect((await events.verifyChain()).ok).toBe(true);
    expect(killedMidway).toBeGreaterThan(0);
    await store.close();
    await events.close();
  }, 40_000);
});
