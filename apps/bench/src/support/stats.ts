/** Summary of repeated measurements: median and spread, never a single number. */
export interface Spread {
  readonly n: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly p10: number;
  readonly p90: number;
}

/** Linear-interpolated quantile of unsorted samples (q in [0, 1]). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function spread(samples: readonly number[]): Spread {
  return {
    n: samples.length,
    median: quantile(samples, 0.5),
    min: samples.length ? Math.min(...samples) : Number.NaN,
    max: samples.length ? Math.max(...samples) : Number.NaN,
    p10: quantile(samples, 0.1),
    p90: quantile(samples, 0.9),
  };
}

/** How long a read sample keeps reading (ms): see sustainedRate. */
export const READ_SAMPLE_MS = 1000;

/**
 * The rate of `pass` (it returns how many items it went through), passed again and again until
 * `minMs` have gone by. One pass over a bench history takes 30-250 ms, which one collection or a
 * scheduler's slice on two shared cores can stretch by half: in two runs of section 2 on the same
 * code the read-all ratio measured 1.72x and 2.06-2.31x from single passes. A sample of a second
 * or more is a rate; a single short pass is a draw.
 */
export async function sustainedRate(pass: () => Promise<number>, minMs: number = READ_SAMPLE_MS): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  do n += await pass();
  while (performance.now() - t0 < minMs);
  return (n / (performance.now() - t0)) * 1000;
}

/**
 * One contender of an interleaved comparison. `run` prepares its round outside the timed part
 * (a fresh temp store...), times the work, and returns the round's figure (e.g. events/s).
 */
export interface Contender {
  readonly key: string;
  run(round: number): Promise<number>;
}

export interface InterleavedResult {
  readonly rounds: number;
  /** Per contender, one figure per round, in round order. */
  readonly samples: Record<string, number[]>;
  /** The order each round ran in. */
  readonly orders: string[][];
}

/**
 * Runs the contenders round after round, alternating their order (A B C, C B A, A B C...), so a
 * slow drift of the machine (another process, a warming cache) lands on every contender alike.
 * Warm-up rounds run first in the same way and are dropped.
 */
export async function interleave(
  contenders: readonly Contender[],
  options: { rounds: number; warmup?: number; log?: (line: string) => void },
): Promise<InterleavedResult> {
  const samples: Record<string, number[]> = Object.fromEntries(contenders.map((c) => [c.key, []]));
  const orders: string[][] = [];
  const warmup = options.warmup ?? 1;
  for (let r = -warmup; r < options.rounds; r++) {
    const order = (r + warmup) % 2 === 0 ? [...contenders] : [...contenders].reverse();
    const line: string[] = [];
    for (const c of order) {
      const value = await c.run(r);
      if (r >= 0) samples[c.key].push(value);
      line.push(`${c.key}=${fmt(value)}`);
    }
    if (r >= 0) orders.push(order.map((c) => c.key));
    options.log?.(`    ${r < 0 ? 'warm-up' : `round ${r + 1}/${options.rounds}`}: ${line.join('  ')}`);
  }
  return { rounds: options.rounds, samples, orders };
}

/** Ratios a/b taken within each round (the pairs ran next to each other), then summarized. */
export function ratioSpread(a: readonly number[], b: readonly number[]): Spread {
  const n = Math.min(a.length, b.length);
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) if (b[i] !== 0 && Number.isFinite(a[i] / b[i])) ratios.push(a[i] / b[i]);
  return spread(ratios);
}

export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(digits)).toString();
}

export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** Two measurements in an order that alternates with the round, so neither always runs second on a warmer machine. */
export async function alternating<A, B>(round: number, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> {
  if (round % 2 === 0) {
    const first = await a();
    return [first, await b()];
  }
  const second = await b();
  return [await a(), second];
}
