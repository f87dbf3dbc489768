import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

const KILLS = 20;

/** Runs the writer until it has acknowledged some appends, then kills it at a random moment. */
function runAndKill(file: string, run: number, writer: 'inline' | 'thread' | 'auto'): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'crash-writer.ts'), file, `r${run}`, writer],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json' } },
    );
    const acked: string[] = [];
    let buffer = '';
    let killTimer: NodeJS.Timeout | null = null;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(...line.slice(4).split(' '));
      if (!killTimer && acked.length > 0) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 150));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (${code}): ${stderr}`));
      else resolve(acked);
    });
  });
}

describe('SQLite event store under SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'es-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // 'thread': the appends commit on the writer thread, and are acknowledged when its commit returns (as the platform runs).
  it.each(['inline', 'thread', 'auto'] as const)(`keeps every acknowledged append and a valid chain across ${KILLS} kills (group commits %s)`, async (writer) => {
    const file = join(dir, `events-${writer}.sqlite`);
    const acknowledged: string[] = [];
    for (let run = 0; run < KILLS; run++) {
      acknowledged.push(...(await runAndKill(file, run, writer)));
      const store = new SqliteEventStore({ file });
      const ids = new Set(store.db.prepare('SELECT event_id FROM events').pluck().all() as string[]);
      const missing = acknowledged.filter((id) => !ids.has(id));
      expect(missing).toEqual([]);
      const report = await store.verifyChain();
      expect(report).toMatchObject({ ok: true, firstBrokenPosition: null });
      expect(report.checked).toBe(ids.size);
      await store.close();
    }
    expect(acknowledged.length).toBeGreaterThan(KILLS);
  }, 300_000);
});
