import 'reflect-metadata';
import { applyHeapGrowthFromEnv } from '@platform/common';
import { rebuildViews } from '@platform/views/rebuild/rebuild-views';
import { Writable } from 'node:stream';

/**
 * Child process of the bench: `npm run rebuild` of every view on a data directory (its own
 * process, so its time and peak memory are its own). Argument: dataDir. Prints one JSON line.
 */
async function main(): Promise<void> {
  // As `npm run rebuild` starts (its script also sets MALLOC_ARENA_MAX, which the fork passes on).
  applyHeapGrowthFromEnv();
  const [dataDir] = process.argv.slice(2);
  const t0 = performance.now();
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const results = await rebuildViews(dataDir, [], quiet);
  const durationMs = performance.now() - t0;
  process.stdout.write(
    JSON.stringify({
      durationMs,
      head: Math.max(0, ...results.map((r) => r.position)),
      perProjectionMs: Object.fromEntries(results.map((r) => [r.name, Math.round(r.busyMs)])),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      // The CPU the rebuild took (user and system, all its threads): on a machine other work shares,
      // events per CPU second follow the rebuild's own work where events per second follow the machine.
      cpuMs: Math.round((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000),
    }) + '\n',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
