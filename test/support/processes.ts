import { ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export type Child = ChildProcess & { output: () => string };

/** Below Linux's ephemeral range (32768-60999), where `listen(0)` and outgoing connections take their ports. */
const CHILD_PORTS = { from: 20_000, to: 32_000 };

/**
 * A port for a child process to listen on. Not one the OS hands out for port 0: an app another jest
 * worker starts in-process on port 0 could be given that very port between this check and the
 * child's listen, and a probe of the child would then be answered by the other app.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = CHILD_PORTS.from + Math.floor(Math.random() * (CHILD_PORTS.to - CHILD_PORTS.from));
    const bound = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, () => s.close(() => resolve(true)));
    });
    if (bound) return port;
  }
}

/** A real entry point (`apps/<app>/src/main.ts`) as its own process, as `npm start` / `npm run projector` run it. */
export function startApp(app: 'platform' | 'projector', env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, `apps/${app}/src/main.ts`)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', SWC_NODE_PROJECT: join(root, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return Object.assign(child, { output: () => output });
}

/**
 * Probes until `ok` holds. The deadline only turns a hang into a failure that says what it waited for: a
 * process starting from source on a loaded shared machine has been seen to take over 30 s, and that is no failure.
 * `what` may be a function, read only at the deadline, so that it can quote what a child printed by then.
 */
export async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string | (() => string), ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe().catch((error: unknown) => {
      if (error instanceof ChildExited) throw error;
      return undefined;
    });
    if (v !== undefined && ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${typeof what === 'string' ? what : what()}: not in ${ms} ms (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A child that a probe needed has exited: waiting on would only run the clock out. */
class ChildExited extends Error {}

/**
 * `probe`, failing at once with what the child printed if the child has exited (a process that
 * crashes at start would otherwise be polled until the deadline, and the failure would not say why).
 */
export function whileRunning<T>(child: Child, probe: () => Promise<T>): () => Promise<T> {
  return () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return Promise.reject(new ChildExited(`the process exited (${child.exitCode ?? child.signalCode}) and printed:\n${child.output()}`));
    }
    return probe();
  };
}

export function stopped(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** What a spec starts — processes and their data directories — and `cleanUp`, which kills the one and removes the other. */
export function startedByTheSpec() {
  const dirs: string[] = [];
  const children: Child[] = [];
  async function cleanUp(): Promise<void> {
    for (const c of children.splice(0)) await stopped(c, 'SIGKILL');
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  }
  return { dirs, children, cleanUp };
}
