import 'reflect-metadata';
import { generateCity } from '@platform/demo-data';

/**
 * Child process of the bench: generates the city once into a data directory, so its time and
 * peak memory are its own. Arguments: dataDir seed scale. Prints one JSON line at the end.
 */
async function main(): Promise<void> {
  const [dataDir, seedText, scaleText] = process.argv.slice(2);
  const seed = /^\d+$/.test(seedText) ? Number(seedText) : seedText;
  let last = 0;
  const result = await generateCity({
    dataDir,
    seed,
    scale: Number(scaleText),
    onProgress: (p) => {
      const now = Date.now();
      if (now - last > 5000) {
        last = now;
        process.stderr.write(`    generating: ${p.phase} ${p.done}/${p.total} actions, ${p.events} events\n`);
      }
    },
  });
  const usage = process.resourceUsage();
  process.stdout.write(
    JSON.stringify({
      durationMs: result.durationMs,
      actions: result.actions,
      events: result.marker.events,
      eventTypes: result.eventTypes,
      peakRssMiB: Math.round(usage.maxRSS / 1024),
      cpuUserMs: Math.round(usage.userCPUTime / 1000),
      cpuSystemMs: Math.round(usage.systemCPUTime / 1000),
    }) + '\n',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
