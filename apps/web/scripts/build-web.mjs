// `npm run build:web` (and `npm run build`, so `npm start`): the web app into apps/web/dist.
// 1. the OpenAPI document from the compiled platform (no server runs), 2. the typed client's
// schema from it with openapi-typescript, 3. a type check, 4. the Vite build. Steps 2–4 are
// skipped when neither the web sources, the document nor the lockfile changed since the last build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = dirname(dirname(fileURLToPath(import.meta.url)));
const root = join(web, '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args, env = process.env) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env });
const documentFile = join(web, 'generated', 'openapi.json');
const stampFile = join(web, 'dist', '.build-stamp');

const writer = join(root, 'dist/apps/platform/apps/platform/src/openapi.main.js');
if (!existsSync(writer)) run(bin('nest'), ['build', 'platform']);
execFileSync(process.execPath, [writer, documentFile], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'test' } });

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    if (['dist', 'generated', 'node_modules'].includes(name) || name === 'schema.d.ts') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}
const hash = createHash('sha256');
for (const f of [...files(web), documentFile, join(root, 'package-lock.json')]) hash.update(relative(root, f)).update(readFileSync(f));
const fingerprint = hash.digest('hex');

/** The service worker caches the whole app shell at install: this build's files, under this build's name. */
function writeShellList(version) {
  const dist = join(web, 'dist');
  const shell = [
    '/',
    ...readdirSync(dist).filter((f) => /\.(webmanifest|png|svg)$/.test(f)).map((f) => `/${f}`),
    ...readdirSync(join(dist, 'assets')).map((f) => `/assets/${f}`),
  ];
  const worker = join(dist, 'sw.js');
  const source = readFileSync(worker, 'utf8')
    .replace(/^const VERSION = .*$/m, `const VERSION = '${version.slice(0, 12)}';`)
    .replace(/^const SHELL_FILES = .*$/m, `const SHELL_FILES = ${JSON.stringify(shell)};`);
  writeFileSync(worker, source);
}

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === fingerprint && process.env.FORCE_WEB_BUILD !== '1') {
  console.log('网页端已是最新 (web app up to date): apps/web/dist');
} else {
  run(bin('openapi-typescript'), [documentFile, '-o', join(web, 'src/api/schema.d.ts'), '--silent']);
  run(bin('tsc'), ['-p', web]);
  // Always React's production build: Vite builds libraries for the NODE_ENV it inherits, and a caller
  // running under NODE_ENV=test (the benchmark) got React's development build (checks, StrictMode's double renders).
  run(bin('vite'), ['build', web, '--logLevel', 'warn'], { ...process.env, NODE_ENV: 'production' });
  writeShellList(fingerprint);
  writeFileSync(stampFile, fingerprint);
}

// The first page's weight: the entry script, its preloaded chunks and the stylesheet, gzipped.
const html = readFileSync(join(web, 'dist', 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
const gz = (list) => list.reduce((sum, a) => sum + gzipSync(readFileSync(join(web, 'dist', a))).length, 0);
const kb = (n) => (n / 1024).toFixed(0);
const js = gz(assets.filter((a) => a.endsWith('.js')));
const css = gz(assets.filter((a) => a.endsWith('.css')));
console.log(`网页端首屏脚本与样式 first page: ${assets.length} files, ${kb(js + css)} KB gzipped (JavaScript ${kb(js)} KB, stylesheet ${kb(css)} KB)`);
