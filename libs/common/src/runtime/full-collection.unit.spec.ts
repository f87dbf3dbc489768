import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('collectAfterCatchUp', () => {
  // In a process of its own, as the projector thread calls it: a worker thread that dropped what it
  // held gives the heap's pages back, and no context created afterwards sees V8's gc function.
  it('gives back a worker thread\'s heap after a long catch-up, not a short one, and exposes gc to no other context', () => {
    const script = `
      const { Worker } = require('node:worker_threads');
      new Worker(\`
        require('@swc-node/register');
        const { parentPort } = require('node:worker_threads');
        const { runInNewContext } = require('node:vm');
        const { collectAfterCatchUp } = require(${JSON.stringify(join(__dirname, 'full-collection.ts'))});
        const total = () => process.memoryUsage().heapTotal;
        let held = new Map();
        for (let i = 0; i < 2e6; i++) held.set(i % 300000, JSON.stringify({ i, s: 'x'.repeat(100 + (i % 200)) }));
        const during = total();
        held = null;
        collectAfterCatchUp(500);
        const afterShort = total();
        collectAfterCatchUp(50000);
        parentPort.postMessage({ during, afterShort, after: total(), gcInNewContext: runInNewContext('typeof gc'), gcHere: typeof globalThis.gc });
      \`, { eval: true }).on('message', (m) => console.log(JSON.stringify(m)));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], { encoding: 'utf8' }).trim()) as {
      during: number;
      afterShort: number;
      after: number;
      gcInNewContext: string;
      gcHere: string;
    };
    expect(out.during).toBeGreaterThan(100 * 2 ** 20);
    // A short catch-up leaves the heap to V8; a long one gives it back.
    expect(out.afterShort).toBe(out.during);
    expect(out.after).toBeLessThan(out.during * 0.25);
    expect(out.gcInNewContext).toBe('undefined');
    expect(out.gcHere).toBe('undefined');
  }, 60_000);
});
