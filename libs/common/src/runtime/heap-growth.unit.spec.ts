import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { applyHeapGrowth, DEFAULT_HEAP_GROWTH_PERCENT, loadHeapGrowthPercent } from './heap-growth';

describe('HEAP_GROWTH_PERCENT', () => {
  it('defaults to 100 % and takes 0 (V8 chooses) up to 1000', () => {
    expect(loadHeapGrowthPercent({})).toBe(DEFAULT_HEAP_GROWTH_PERCENT);
    expect(loadHeapGrowthPercent({ HEAP_GROWTH_PERCENT: ' ' })).toBe(100);
    expect(loadHeapGrowthPercent({ HEAP_GROWTH_PERCENT: '0' })).toBe(0);
    expect(loadHeapGrowthPercent({ HEAP_GROWTH_PERCENT: '50' })).toBe(50);
  });

  it('refuses anything else, naming the variable and the rule', () => {
    for (const bad of ['-1', '1001', '1.5', 'half']) {
      expect(() => loadHeapGrowthPercent({ HEAP_GROWTH_PERCENT: bad })).toThrow(`HEAP_GROWTH_PERCENT must be an integer from 0 to 1000, got "${bad}"`);
    }
  });

  it('sets V8\'s flag unless left to V8', () => {
    const set: string[] = [];
    applyHeapGrowth(0, (f) => set.push(f));
    applyHeapGrowth(40, (f) => set.push(f));
    expect(set).toEqual(['--heap-growing-percent=40']);
  });

  // What the setting is for, in a process of its own: a worker thread (as the projector runs) that
  // keeps 1e6 small objects and churns short-lived ones holds a smaller heap between collections.
  it('keeps a worker thread\'s heap nearer what it holds than V8 left alone does', () => {
    const largestHeap = (percent: string) => {
      const script = `
        require(${JSON.stringify(join(__dirname, 'heap-growth.ts'))}).applyHeapGrowthFromEnv();
        const { Worker } = require('node:worker_threads');
        new Worker(\`
          const { parentPort } = require('node:worker_threads');
          const kept = []; for (let i = 0; i < 1e6; i++) kept.push({ a: i, b: 'x' + i });
          const ring = new Array(100000); let max = 0;
          for (let i = 0; i < 3e6; i++) {
            ring[i % ring.length] = { i, s: 'y' + i, pair: [i, i] };
            if (i % 50000 === 0) max = Math.max(max, process.memoryUsage().heapTotal);
          }
          // kept stays referenced to the end, so it is live at every collection.
          parentPort.postMessage(kept.length > 0 ? max : 0);
        \`, { eval: true }).on('message', (max) => console.log(max));`;
      const out = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], { env: { ...process.env, HEAP_GROWTH_PERCENT: percent }, encoding: 'utf8' });
      return Number(out.trim());
    };
    const bounded = largestHeap('30');
    const left = largestHeap('0');
    expect(bounded).toBeLessThan(left * 0.85);
  }, 60_000);
});
