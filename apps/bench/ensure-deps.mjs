// `npm run bench` first: the benchmark's own dependencies (apps/bench/package.json) are installed
// into apps/bench/node_modules on first use, so the platform's install stays without them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = dirname(fileURLToPath(import.meta.url));
const needed = ['@event-driven-io/emmett', '@event-driven-io/emmett-sqlite', 'autocannon', 'sqlite3'];
const missing = needed.filter((name) => !existsSync(join(bench, 'node_modules', name, 'package.json')));
if (missing.length > 0) {
  console.log(`安装基准测试依赖 (installing the benchmark's dependencies: ${missing.join(', ')}) into apps/bench/node_modules`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--prefix', bench, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
