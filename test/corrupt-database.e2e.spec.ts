import { SqliteEventStore } from '@platform/event-store';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDirPerTest } from '@platform/common/testing/temp-dir';

const root = join(__dirname, '..');

/** Started by a test and not yet gone: a process that neither refuses nor serves is killed once its test has timed out. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
});

/** The real entry point on DATA_DIR; resolves with how it ended: exited by itself, or stopped once it served. */
function runMain(dataDir: string): Promise<{ code: number | null; output: string; serving: boolean }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/platform/src/main.ts')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, DEMO_ADMIN: '0', SWC_NODE_PROJECT: join(root, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  return new Promise((resolve) => {
    const collect = (d: Buffer) => {
      output += d;
      if (output.includes('listening on')) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => {
      running.delete(child);
      resolve({ code, output, serving: output.includes('listening on') });
    });
  });
}

async function filledEvents(dir: string): Promise<string> {
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore({ file });
  const actor = { userId: 'u', role: 'admin', unitId: null };
  for (let i = 0; i < 30; i++) {
    const events = Array.from({ length: 20 }, (_, k) => ({
      eventId: `e-${i}-${k}`,
      type: 'Filled',
      data: { pad: 'x'.repeat(300) },
      occurredAt: '2026-03-01T08:00:00.000Z',
      actor,
      correlationId: 'c',
    }));
    await store.append(`s-${i}`, events, 'no_stream');
  }
  await store.close();
  return file;
}

/** Sound files start and serve: test/platform-process.e2e.spec.ts (this only runs what must refuse to start). */
describe('the process on a database file it cannot use', () => {
  const dir = tempDirPerTest('platform-corrupt-');

  it('exits at start naming a garbage events.sqlite and SQLite\'s message', async () => {
    writeFileSync(join(dir(), 'events.sqlite'), randomBytes(64 * 1024));
    const run = await runMain(dir());
    expect(run).toMatchObject({ code: 1, serving: false });
    expect(run.output).toContain(`${join(dir(), 'events.sqlite')}: file is not a database [SQLITE_NOTADB]`);
  });

  it('exits at start naming a truncated events.sqlite', async () => {
    const file = await filledEvents(dir());
    truncateSync(file, statSync(file).size - 3 * 4096);
    const run = await runMain(dir());
    expect(run).toMatchObject({ code: 1, serving: false });
    expect(run.output).toMatch(/events\.sqlite: database disk image is (truncated|malformed).*\[SQLITE_CORRUPT\]/);
  });

  it('exits at start naming a garbage read-models.sqlite', async () => {
    await filledEvents(dir());
    writeFileSync(join(dir(), 'read-models.sqlite'), randomBytes(8 * 1024));
    const run = await runMain(dir());
    expect(run).toMatchObject({ code: 1, serving: false });
    expect(run.output).toContain(`${join(dir(), 'read-models.sqlite')}: file is not a database [SQLITE_NOTADB]`);
  });
});
