/**
 * Seeded randomness: mulberry32 streams keyed by (seed, purpose), so one part of the city never
 * shifts another when it draws more numbers. No Math.random anywhere in the generator.
 */

/** A 32-bit hash of a string (cyrb53, folded): stable seeds for named streams. */
export function hashString(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

export class Rng {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((n, [, w]) => n + w, 0);
    let x = this.next() * total;
    for (const [k, w] of entries) {
      x -= w;
      if (x < 0) return k;
    }
    return entries[entries.length - 1][0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** Approximately normal (Irwin–Hall of 4), mean 0, sd 1. */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3);
  }

  /** A version-4 shaped UUID from this stream: deterministic ids for events, correlations, causations. */
  uuid(): string {
    const h = (n: number) => n.toString(16).padStart(8, '0');
    const a = h(this.uint32());
    const b = h(this.uint32());
    const c = h(this.uint32());
    const d = h(this.uint32());
    const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }
}

/** The stream for one purpose of one city: `rngFor(seed, 'unit', unitId)`. */
export function rngFor(seed: number, ...key: (string | number)[]): Rng {
  return new Rng(hashString(`${seed}|${key.join('|')}`));
}

/**
 * Splits `total` over the keys in proportion to their weights (largest remainder). When the total
 * allows it, every key with a positive weight gets at least one, so a small city still shows
 * every kind of thing.
 */
export function allocate<K extends string>(total: number, weights: Readonly<Record<K, number>>, atLeastOne = true): Record<K, number> {
  const keys = (Object.keys(weights) as K[]).filter((k) => weights[k] > 0);
  const out = Object.fromEntries((Object.keys(weights) as K[]).map((k) => [k, 0])) as Record<K, number>;
  if (total <= 0 || keys.length === 0) return out;
  const sum = keys.reduce((n, k) => n + weights[k], 0);
  const exact = keys.map((k) => ({ k, x: (total * weights[k]) / sum }));
  let given = 0;
  for (const e of exact) {
    out[e.k] = Math.floor(e.x);
    given += out[e.k];
  }
  exact.sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)) || keys.indexOf(a.k) - keys.indexOf(b.k));
  for (let i = 0; given < total; i++, given++) out[exact[i % exact.length].k]++;
  if (atLeastOne && total >= keys.length) {
    for (const k of keys) {
      if (out[k] > 0) continue;
      const donor = keys.reduce((best, c) => (out[c] > out[best] ? c : best), keys[0]);
      out[donor]--;
      out[k]++;
    }
  }
  return out;
}

/** A shuffled list holding each key as many times as `allocate` gives it. */
export function quotaList<K extends string>(rng: Rng, total: number, weights: Readonly<Record<K, number>>, atLeastOne = true): K[] {
  const counts = allocate(total, weights, atLeastOne);
  const list: K[] = [];
  for (const k of Object.keys(counts) as K[]) for (let i = 0; i < counts[k]; i++) list.push(k);
  return rng.shuffle(list);
}

/** Integers summing exactly to `total`, proportional to the weights, each at least `min`. */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const base = Math.min(min, Math.floor(total / n));
  const rest = total - base * n;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (rest * w) / sum);
  const out = exact.map((x) => base + Math.floor(x));
  let given = out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let j = 0; given < total; j++, given++) out[order[j % n].i]++;
  return out;
}
