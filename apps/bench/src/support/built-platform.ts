import { ChildProcess, execFileSync, fork, StdioOptions } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ProfileSummary, summarizeProfileFile } from './profile';

/** The repository's root, from the bench's sources or from its build under dist/. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nest-cli.json')) || dir.split(/[\\/]/).includes('dist')) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: repository root (nest-cli.json) not found');
    dir = up;
  }
  return dir;
}

const ROOT = repositoryRoot();
/** What `npm start` runs once it has built the platform. */
const MAIN = join(ROOT, 'dist/apps/platform/apps/platform/src/main.js');
const HOOKS = join(ROOT, 'apps/bench/src/serve-hooks.cjs');

let built = false;

const scriptEnvs = new Map<string, Record<string, string>>();

/** The variables a package script sets before `node` (`NAME=${NAME:-value} node …`), as written. */
export function scriptAssignments(name: string): string {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[name];
  const command = script.split('&&').pop()!.trim();
  return command.slice(0, command.indexOf('node ')).trim();
}

/** `node nodeArgs` started with what package script `name` sets before `node`, by sh as npm runs it; its output, trimmed. */
export function runAsScript(name: string, nodeArgs: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync('sh', ['-c', `${scriptAssignments(name)} exec "$0" "$@"`, process.execPath, ...nodeArgs], { env, encoding: 'utf8' }).trim();
}

/**
 * What package script `name` sets before `node` (such as MALLOC_ARENA_MAX, which glibc reads only
 * as a process starts), as the script evaluates it over this process's environment: so what the
 * bench starts (its server as `npm start`, its rebuild as `npm run rebuild`) starts as a user's does.
 */
export function scriptEnv(name: string): Record<string, string> {
  const known = scriptEnvs.get(name);
  if (known) return known;
  const names = scriptAssignments(name).split(/\s+/).filter(Boolean).map((a) => a.slice(0, a.indexOf('=')));
  const seen = names.length ? (JSON.parse(runAsScript(name, ['-e', 'process.stdout.write(JSON.stringify(process.env))'])) as Record<string, string>) : {};
  const env = Object.fromEntries(names.map((n) => [n, seen[n]]));
  scriptEnvs.set(name, env);
  return env;
}

/** `npm start` builds the platform, then runs the built JavaScript: built once per bench run, before anything is measured. */
export function buildPlatformOnce(log: (line: string) => void = () => undefined): void {
  if (built) return;
  log('  building the platform as `npm start` does (nest build platform), once, before measuring');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', 'platform'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  built = true;
}

/** The platform's environment for a benchmark: limits out of the way, no demo administrator, everything else as shipped (see benchConfig). */
export function benchEnv(admin: { username: string; password: string } | null): Record<string, string> {
  return {
    SIGN_IN_PER_MINUTE: '1000000',
    WRITES_PER_MINUTE: '1000000000',
    ACCESS_TOKEN_SECONDS: String(4 * 3600),
    REFRESH_TOKEN_SECONDS: String(4 * 3600),
    DEMO_ADMIN: '0',
    ...(admin ? { ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password } : {}),
  };
}

export interface BuiltPlatformOptions {
  readonly env?: Record<string, string>;
  /** Node options before the entry point (e.g. --cpu-prof). */
  readonly extraExecArgv?: string[];
  readonly stdio?: StdioOptions;
}

/**
 * The built platform in a child process on `dataDir`, exactly as `npm start` runs it (`node
 * dist/.../main.js` with the variables its script sets, PORT and DATA_DIR from the environment), with serve-hooks.cjs preloaded for
 * the bench's IPC: 'listening' (port, timings), 'stats', 'profile-start'/'profile-stop' (answered
 * with { type: 'profile', summary }) and 'close' (SIGTERM; answered 'closed' as it ends).
 */
export function forkBuiltPlatform(dataDir: string, options: BuiltPlatformOptions = {}): ChildProcess {
  buildPlatformOnce();
  const env: NodeJS.ProcessEnv = { ...process.env, ...scriptEnv('start'), PORT: '0', DATA_DIR: dataDir, ...options.env };
  // As `npm start` runs it: the deadline-warning job runs at start and hourly; logs are text lines.
  delete env.NODE_ENV;
  const child = fork(MAIN, [], { cwd: ROOT, env, execArgv: [...(options.extraExecArgv ?? []), '-r', HOOKS], stdio: options.stdio ?? ['ignore', 'ignore', 'inherit', 'ipc'] });
  child.on('message', (m: { type: string; file?: string; label?: string }) => {
    if (m.type !== 'profile-file' || !m.file) return;
    const summary: ProfileSummary = summarizeProfileFile(m.label ?? 'server', m.file);
    // BENCH_KEEP_PROFILES=dir keeps the raw .cpuprofile files (for Chrome DevTools or a closer look at inclusive times).
    const keep = process.env.BENCH_KEEP_PROFILES;
    if (keep) copyFileSync(m.file, join(keep, basename(m.file)));
    rmSync(m.file, { force: true });
    child.emit('message', { type: 'profile', summary });
  });
  return child;
}

/** Sends a message to the child and resolves with its answer of type `answer`. */
export function ask<T>(child: ChildProcess, message: Record<string, unknown>, answer: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== answer) return;
      child.off('message', on);
      resolve(m as T);
    };
    child.on('message', on);
    child.send(message);
  });
}

export interface RunningBuiltPlatform {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** Profiles the server process's main thread (the API's event loop) while `work` runs. */
  profile<T>(label: string, work: () => Promise<T>): Promise<{ result: T; summary: ProfileSummary }>;
  close(): Promise<void>;
}

/** Starts the built platform and resolves once it listens (its projections caught up before, as under `npm start`). */
export async function startBuiltPlatform(dataDir: string, options: BuiltPlatformOptions = {}): Promise<RunningBuiltPlatform> {
  const child = forkBuiltPlatform(dataDir, options);
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (m: { type: string; port: number }) => (m.type === 'listening' ? resolve(m) : reject(new Error(`unexpected ${m.type}`))));
    child.once('exit', (code) => reject(new Error(`platform exited with ${code} before listening`)));
  });
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    async profile(label, work) {
      await ask(child, { type: 'profile-start' }, 'profile-started');
      const result = await work();
      const { summary } = await ask<{ summary: ProfileSummary }>(child, { type: 'profile-stop', label }, 'profile');
      return { result, summary };
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'close' });
      await exited;
    },
  };
}
