import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAsScript, scriptEnv } from '../apps/bench/src/support/built-platform';

const ROOT = join(__dirname, '..');
/** Every script that starts a long-running platform process, and the offline rebuild of the views. */
const PROCESS_SCRIPTS = ['start', 'demo', 'api', 'projector', 'relay', 'scheduler', 'rebuild'];

const withoutSetting = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.MALLOC_ARENA_MAX;
  return env;
};

// Eight threads allocating at once, then a count of glibc's arenas besides the main one: each is
// a 64 MiB-aligned reservation of 64 MiB (read-write head, the rest reserved), in /proc/self/maps.
const COUNT_ARENAS = `
const { Worker } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const M64 = 64n << 20n;
function arenas() {
  const maps = readFileSync('/proc/self/maps', 'utf8').trim().split('\\n').map((line) => {
    const [range, perms] = line.split(' ');
    const [start, end] = range.split('-').map((h) => BigInt('0x' + h));
    return { start, end, perms, anonymous: line.trim().split(/\\s+/).length < 6 };
  });
  return maps.filter((m, i) => {
    if (!m.anonymous || m.perms !== 'rw-p' || m.start % M64 !== 0n) return false;
    const next = maps[i + 1];
    const reserved = next && next.start === m.end && next.perms === '---p' ? next.end - next.start : 0n;
    return m.end - m.start + reserved === M64;
  }).length;
}
const work = "const { parentPort } = require('node:worker_threads'); const { createHash } = require('node:crypto');" +
  "let kept = []; for (let i = 0; i < 20000; i++) { kept.push(createHash('sha256').update(String(i)).digest('hex') + Buffer.allocUnsafeSlow(64 + (i % 900)).length); if (kept.length > 500) kept = []; }" +
  "parentPort.postMessage('done'); setTimeout(() => {}, 300);";
let running = 8;
for (let i = 0; i < 8; i++) new Worker(work, { eval: true }).on('message', () => { if (--running === 0) { process.stdout.write(String(arenas())); process.exit(0); } });
`;

describe('malloc arenas of the platform processes', () => {
  it.each(PROCESS_SCRIPTS)('npm run %s starts node with MALLOC_ARENA_MAX=2 unless the operator chose another', (name) => {
    const print = ['-e', 'process.stdout.write(String(process.env.MALLOC_ARENA_MAX))'];
    expect(runAsScript(name, print, withoutSetting())).toBe('2');
    expect(runAsScript(name, print, { ...withoutSetting(), MALLOC_ARENA_MAX: '4' })).toBe('4');
  });

  it('the image sets it for every service', () => {
    const dockerfile = readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ENV .*\bMALLOC_ARENA_MAX=2\b/m);
  });

  it('the bench starts its server with what the start script sets', () => {
    const before = process.env.MALLOC_ARENA_MAX;
    delete process.env.MALLOC_ARENA_MAX;
    try {
      expect(scriptEnv('start')).toEqual({ MALLOC_ARENA_MAX: '2' });
    } finally {
      if (before !== undefined) process.env.MALLOC_ARENA_MAX = before;
    }
  });

  it('the bench starts its rebuild with what the rebuild script sets', () => {
    const before = process.env.MALLOC_ARENA_MAX;
    process.env.MALLOC_ARENA_MAX = '3';
    try {
      expect(scriptEnv('rebuild')).toEqual({ SWC_NODE_PROJECT: 'tsconfig.json', MALLOC_ARENA_MAX: '3' });
    } finally {
      if (before === undefined) delete process.env.MALLOC_ARENA_MAX;
      else process.env.MALLOC_ARENA_MAX = before;
    }
  });

  // The platform runs on glibc (Debian, and the image's node:20-bookworm-slim), where the setting acts.
  it('glibc keeps one arena besides the main one under the setting, where eight busy threads otherwise get several', () => {
    const withSetting = Number(runAsScript('start', ['-e', COUNT_ARENAS], withoutSetting()));
    const without = Number(execFileSync(process.execPath, ['-e', COUNT_ARENAS], { env: withoutSetting(), encoding: 'utf8' }));
    expect(withSetting).toBeLessThanOrEqual(1);
    expect(without).toBeGreaterThan(withSetting);
  });
});
