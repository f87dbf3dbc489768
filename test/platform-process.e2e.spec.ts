import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The real entry point with PORT and DATA_DIR from the environment, as `npm start` runs it. */
function startMain(port: number, dataDir: string): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/platform/src/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SWC_NODE_PROJECT: join(root, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function waitForHealth(port: number): Promise<{ status: string; eventStore: { headPosition: number } }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return res.json() as Promise<{ status: string; eventStore: { headPosition: number } }>;
    } catch {
      if (Date.now() > deadline) throw new Error('platform did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('the platform process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-process-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves /health on PORT with data in DATA_DIR, and keeps the data across a restart', async () => {
    const port = await freePort();
    let child = startMain(port, dataDir);
    expect((await waitForHealth(port)).status).toBe('ok');
    const created = await fetch(`http://127.0.0.1:${port}/api/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-actor': 'admin-1;admin;' },
      body: JSON.stringify({ unitId: 'city', name: '常德市', level: 'city', unitType: 'agency' }),
    });
    expect(created.status).toBe(201);
    await stop(child);

    child = startMain(port, dataDir);
    expect((await waitForHealth(port)).eventStore.headPosition).toBe(1);
    const unit = await fetch(`http://127.0.0.1:${port}/api/organizations/city`, { headers: { 'x-dev-actor': 'admin-1;admin;' } });
    expect(((await unit.json()) as { name: string }).name).toBe('常德市');
    await stop(child);
  });
});
