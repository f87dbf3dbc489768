import 'reflect-metadata';
import { applyHeapGrowthFromEnv } from '@platform/common';
import { rebuildViews } from '@platform/views/rebuild/rebuild-views';
import { Writable } from 'node:stream';
import { runChild } from './support/children';

/**
 * Child process of the bench: `npm run rebuild` of every view on a data directory (its own
 * process, so its time, peak memory and CPU are its own; on a machine other work shares, events per
 * CPU second follow the rebuild's own work where events per second follow the machine). Argument:
 * dataDir. Prints one JSON line.
 */
runChild(async () => {
  // As `npm run rebuild` starts (its script also sets MALLOC_ARENA_MAX, which the fork passes on).
  applyHeapGrowthFromEnv();
  const [dataDir] = process.argv.slice(2);
  const t0 = performance.now();
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const results = await rebuildViews(dataDir, [], quiet);
  return {
    durationMs: performance.now() - t0,
    head: Math.max(0, ...results.map((r) => r.position)),
    perProjectionMs: Object.fromEntries(results.map((r) => [r.name, Math.round(r.busyMs)])),
  };
});
