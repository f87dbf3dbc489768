import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Child } from '../support/processes';

const root = join(__dirname, '..', '..');

/** The built entry points, as the deployment runs them (`npm run build` writes them). */
const ENTRY = {
  api: 'dist/apps/services/apps/api/src/main.js',
  relay: 'dist/apps/services/apps/relay/src/main.js',
  scheduler: 'dist/apps/services/apps/scheduler/src/main.js',
  projector: 'dist/apps/projector/apps/projector/src/main.js',
} as const;

export type Service = keyof typeof ENTRY;

export function assertBuilt(): void {
  const missing = Object.values(ENTRY).filter((f) => !existsSync(join(root, f)));
  if (missing.length > 0) throw new Error(`the services are not built (${missing.join(', ')}): run npm run build first`);
}

/** One service as its own OS process, from its built entry point. */
export function startService(service: Service, env: Record<string, string>): Child {
  const child = spawn(process.execPath, [join(root, ENTRY[service])], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return Object.assign(child, { output: () => output });
}

/** JSON lines of a service's output (its log), skipping anything else it printed. */
export function jsonLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}
