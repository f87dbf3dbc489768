import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** A task's niceness as the kernel reports it (field 19 of /proc/<pid>/task/<tid>/stat). */
function niceness(tid: number): number {
  const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** Where threads are tasks of their own (Linux); elsewhere the function declines and says so with null. */
const threadsAreTasks = existsSync('/proc/thread-self');

describe('lowerThisThreadPriority', () => {
  it('lowers the calling thread only, not the process it runs in (or declines where threads cannot be told apart)', async () => {
    const before = threadsAreTasks ? niceness(process.pid) : undefined;
    const source = join(__dirname, 'thread-priority.ts');
    // The thread stays alive until told, so its task can be read while it runs.
    const worker = new Worker(
      `require('@swc-node/register');
       const { parentPort } = require('node:worker_threads');
       const tid = require(${JSON.stringify(source)}).lowerThisThreadPriority(10);
       parentPort.postMessage(tid);
       parentPort.once('message', () => process.exit(0));`,
      { eval: true, env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, '..', '..', '..', '..', 'tsconfig.json') } },
    );
    try {
      const tid = await new Promise<number | null>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      if (!threadsAreTasks) {
        expect(tid).toBeNull();
        return;
      }
      expect(tid).not.toBeNull();
      expect(tid).not.toBe(process.pid);
      expect(niceness(tid as number)).toBe(10);
      expect(niceness(process.pid)).toBe(before);
    } finally {
      worker.postMessage('done');
      await new Promise((resolve) => worker.once('exit', resolve));
    }
  });
});
