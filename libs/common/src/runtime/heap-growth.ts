import { setFlagsFromString } from 'node:v8';
import { integerSetting } from '../config/platform-config';

/** Between full collections V8 lets a heap grow to (1 + HEAP_GROWTH_PERCENT / 100) × what the last one kept. */
export const DEFAULT_HEAP_GROWTH_PERCENT = 100;

/**
 * HEAP_GROWTH_PERCENT: how far past what the last full collection kept V8 lets each heap of the
 * process grow before it collects again; 0 leaves V8's own choice. V8 picks that growth from the
 * machine's memory, up to 4× on a machine with a few GB, so the API's heap holding 150 MiB reached
 * 440 MiB between collections under writes, most of the server's resident memory. Twice what it
 * kept, not less: at 1.5× the API collected its whole heap so often under 64 writing clients that
 * their p99 doubled (benchmarks, "Memory").
 */
export function loadHeapGrowthPercent(env: NodeJS.ProcessEnv = process.env): number {
  return integerSetting(env, 'HEAP_GROWTH_PERCENT', DEFAULT_HEAP_GROWTH_PERCENT, 0, 1000);
}

/**
 * Sets the growth for every heap of the process, its worker threads' included. V8 reads the flag
 * each time it sizes a heap after a full collection, so setting it once the process runs is enough.
 */
export function applyHeapGrowth(percent: number, setFlags: (flags: string) => void = setFlagsFromString): void {
  if (percent > 0) setFlags(`--heap-growing-percent=${percent}`);
}

/** What every entry point does first: the environment's growth (or the default) applied. */
export function applyHeapGrowthFromEnv(env: NodeJS.ProcessEnv = process.env): void {
  applyHeapGrowth(loadHeapGrowthPercent(env));
}
