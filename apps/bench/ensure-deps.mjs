// `npm run bench`: the benchmark's own dependencies (apps/bench/package.json) are installed into
// apps/bench/node_modules on first use, so the platform's install stays without them; then the
// bench code is type-checked against them and run with the command line's options.
// Sections that never load them (the web section, --render) run without installing them: building
// sqlite3 from source takes minutes and the browser timings do not need it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = dirname(fileURLToPath(import.meta.url));
const root = join(bench, '..', '..');
const args = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const WITHOUT_PEER = new Set(['web']);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').map((s) => s.trim());
const needsPeer = !args.some((a) => a.startsWith('--render=')) && !(only && only.every((s) => WITHOUT_PEER.has(s)));

const needed = ['@event-driven-io/emmett', '@event-driven-io/emmett-sqlite', 'autocannon', 'sqlite3'];
const missing = needed.filter((name) => !existsSync(join(bench, 'node_modules', name, 'package.json')));
if (needsPeer && missing.length > 0) {
  console.log(`安装基准测试依赖 (installing the benchmark's dependencies: ${missing.join(', ')}) into apps/bench/node_modules`);
  execFileSync(npm, ['install', '--prefix', bench, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
const installed = needed.every((name) => existsSync(join(bench, 'node_modules', name, 'package.json')));
if (installed) execFileSync(npm, ['run', 'typecheck:bench', '--silent'], { cwd: root, stdio: 'inherit' });
else console.log('基准测试依赖未安装 (the benchmark\'s own dependencies are not installed): these sections do not use them; the bench code is type-checked once they are');

const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join(bench, 'src', 'main.ts'), ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json' },
});
process.exit(run.status ?? 1);
