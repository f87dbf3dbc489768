import { ChildProcess, fork, ForkOptions } from 'node:child_process';
import { join } from 'node:path';
import type { LoadJob, LoadResult } from '../load.child';

const SRC = join(__dirname, '..');
/** Run from source (swc-node), or built by `nest build bench`. */
const FROM_SOURCE = __filename.endsWith('.ts');

/** Runs one of the bench's entry points (`name.child.ts`) in a child Node process, the way the parent runs. */
export function forkTs(file: string, args: string[] = [], options: ForkOptions & { extraExecArgv?: string[] } = {}): ChildProcess {
  const execArgv = [...(options.extraExecArgv ?? []), ...(FROM_SOURCE ? ['-r', '@swc-node/register'] : [])];
  return fork(join(SRC, FROM_SOURCE ? file : file.replace(/\.ts$/, '.js')), args, {
    ...options,
    execArgv,
    env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? 'tsconfig.json', ...options.env },
  });
}

/** What every child measures of itself at its end: its peak resident set and the CPU its threads took (user and system). */
export interface ChildUsage {
  readonly peakRssMiB: number;
  readonly cpuMs: number;
}

/**
 * The body of a child entry point (the other half of childResult): runs `work` and prints its
 * result with the process's own usage as one JSON line; a failure is printed and exits 1.
 */
export function runChild(work: () => Promise<object>): void {
  work().then(
    (result) => {
      const usage = process.resourceUsage();
      const own: ChildUsage = { peakRssMiB: Math.round(usage.maxRSS / 1024), cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) };
      process.stdout.write(JSON.stringify({ ...result, ...own }) + '\n');
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/**
 * Runs a child entry point that prints its result as one JSON line at its end (after whatever it
 * logs on stderr), and gives that result; a child that fails or prints none is an error naming `what`.
 */
export function childResult<T>(file: string, args: string[], what: string, options: ForkOptions & { extraExecArgv?: string[] } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = forkTs(file, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], ...options });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`${what} failed (exit ${code})`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as T);
      } catch {
        reject(new Error(`${what} printed no result: ${out.slice(-500)}`));
      }
    });
  });
}

/** The load generator child: one job at a time over IPC. */
export class LoadClient {
  private readonly child: ChildProcess;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(r: LoadResult): void; reject(e: Error): void }>();

  constructor() {
    this.child = forkTs('load.child.ts', [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: { id: number; result?: LoadResult; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new Error(`load client: ${m.error}`));
      else p.resolve(m.result!);
    });
    this.child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`load client exited with ${code}`));
      this.pending.clear();
    });
  }

  /** The load generator's process, for its CPU time. */
  get pid(): number {
    return this.child.pid ?? 0;
  }

  run(job: LoadJob): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, job });
    });
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}
