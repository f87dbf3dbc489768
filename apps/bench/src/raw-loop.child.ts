import 'reflect-metadata';
import { join } from 'node:path';
import { VIEW_PROJECTIONS } from '@platform/views';
import { rawLoop } from './sections/rebuild';
import { runChild } from './support/children';

/**
 * Child process of the bench: the raw loop of section 2 (every view's evolve into Maps, nothing
 * stored) over a data directory's whole history, the reference of `npm run rebuild` at city scale.
 * A process of its own, as the rebuild is, so its time and memory are its own. Argument: dataDir.
 * Prints one JSON line.
 */
runChild(async () => {
  const [dataDir] = process.argv.slice(2);
  const t0 = performance.now();
  const { events, documents } = await rawLoop(join(dataDir, 'events.sqlite'), VIEW_PROJECTIONS);
  return { durationMs: performance.now() - t0, events, documents };
});
