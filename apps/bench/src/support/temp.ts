import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];
let root: string | null = null;

/** The run's own temp root, removed at exit (also on Ctrl-C and on a crash). */
function runRoot(): string {
  if (!root) {
    root = mkdtempSync(join(tmpdir(), 'platform-bench-'));
    created.push(root);
    const cleanup = () => cleanupTemp();
    process.once('exit', cleanup);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        cleanup();
        process.exit(130);
      });
    }
  }
  return root;
}

/** A fresh directory under the run's temp root. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(runRoot(), `${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function cleanupTemp(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
  root = null;
}
