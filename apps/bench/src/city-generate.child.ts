import 'reflect-metadata';
import { generateCity } from '@platform/demo-data';
import { runChild } from './support/children';

/**
 * Child process of the bench: generates the city once into a data directory, so its time and
 * peak memory are its own. Arguments: dataDir seed scale. Prints one JSON line at the end.
 */
runChild(async () => {
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
  return { durationMs: result.durationMs, actions: result.actions, events: result.marker.events, eventTypes: result.eventTypes };
});
