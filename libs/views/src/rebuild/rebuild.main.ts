import 'reflect-metadata';
import { applyHeapGrowthFromEnv, loadPlatformConfig } from '@platform/common';
import { rebuildViews } from './rebuild-views';

/** `npm run rebuild [projection...]`: DATA_DIR as for the application; REBUILD_PENDING_MIB bounds what it keeps in memory. */
async function main(): Promise<void> {
  applyHeapGrowthFromEnv();
  const { dataDir } = loadPlatformConfig();
  const results = await rebuildViews(dataDir, process.argv.slice(2));
  for (const r of results) {
    console.log(`${r.name}: rebuilt to position ${r.position} from ${r.events} events in ${r.durationMs} ms (its own share ${Math.round(r.busyMs)} ms)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
