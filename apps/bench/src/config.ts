export const SECTIONS = ['appends', 'witness', 'reads', 'rebuild', 'http', 'city', 'history', 'web'] as const;
/** Sections a run without --only leaves out: the rebuilds across history lengths take cities at three scales and a quarter of an hour. */
const ONLY_WHEN_ASKED: readonly SectionKey[] = ['history'];
export type SectionKey = (typeof SECTIONS)[number];

export interface BenchConfig {
  readonly quick: boolean;
  readonly sections: SectionKey[];
  readonly outDir: string;
  readonly seed: number;
  readonly profile: boolean;
  /** Rounds of the store-level comparisons (appends, reads). */
  readonly rounds: number;
  readonly rebuildRounds: number;
  /** Rounds of each HTTP load level. */
  readonly httpRounds: number;
  readonly appends: { singleEvents: number; batches: number; concurrentEvents: number; inFlight: number };
  readonly witness: { history: number; events: number; inFlight: number };
  readonly reads: { events: number; streamLength: number };
  readonly rebuild: { maxEvents: number };
  /** Fresh navigations per page of the web app (after one warm-up visit each). */
  readonly webRounds: number;
  /** Measured sections replace theirs in the existing benchmarks.json of --out (the others are kept). */
  readonly merge: boolean;
  readonly http: { seconds: number; concurrency: number[]; units: number; users: number; problems: number };
  readonly city: {
    /** City generator's seed and scale (1 = the seed documents' city). */
    citySeed: number;
    scale: number;
    /** Where the generated city is kept between runs (git-ignored). */
    cacheDir: string;
    /** An existing data dir to use instead (e.g. ./data-demo), when it holds a city. */
    dataDir: string | null;
    queriesPerKind: number;
    asOfQueries: number;
    /**
     * --keep-read-models: start on a copy of the whole data directory, read models included (built
     * by an earlier start on it), so the queries are measured without building every projection
     * first; the first-start figure is then a start with read models, and the report says so.
     */
    keepReadModels: boolean;
    /**
     * --rebuild-city: after the restart, rebuild every view of the whole history once, as
     * `npm run rebuild` does, in a child process (events/s and its peak memory): the scaling
     * table's rebuild column, measured at each scale.
     */
    rebuildAll: boolean;
  };
  /**
   * The history section (--only=history): `npm run rebuild` on cities of the city seed at these
   * scales (--history-scales, shortest history first), from these data directories where given
   * (--history-dirs, comma-separated in the same order; an empty entry is the bench's own copy).
   */
  readonly history: { scales: number[]; dirs: (string | null)[]; rounds: number };
}

export function parseArgs(argv: readonly string[]): BenchConfig {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = flag('quick');
  const only = value('only');
  const sections = only ? (only.split(',').map((s) => s.trim()) as SectionKey[]) : SECTIONS.filter((s) => !ONLY_WHEN_ASKED.includes(s));
  const unknown = sections.filter((s) => !SECTIONS.includes(s));
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  const scale = Number(value('scale') ?? process.env.BENCH_CITY_SCALE ?? 1);
  const citySeed = Number(value('city-seed') ?? 2005);
  return {
    quick,
    sections,
    outDir: value('out') ?? 'docs',
    seed: Number(value('seed') ?? 20050105),
    profile: !flag('no-profile'),
    rounds: quick ? 3 : 5,
    // A quick round rebuilds 20,000 events in 1-2 s, which the machine moves by a fifth or more (0.47x and 0.62x of the raw loop in one run of the same code): five rounds' median, for ten seconds more.
    rebuildRounds: 5,
    httpRounds: quick ? 2 : 3,
    webRounds: quick ? 4 : 12,
    merge: flag('merge'),
    appends: quick
      ? { singleEvents: 400, batches: 20, concurrentEvents: 1000, inFlight: 64 }
      : { singleEvents: 1000, batches: 100, concurrentEvents: 4000, inFlight: 64 },
    witness: quick ? { history: 5000, events: 1000, inFlight: 64 } : { history: 20000, events: 4000, inFlight: 64 },
    reads: quick ? { events: 5000, streamLength: 50 } : { events: 20000, streamLength: 50 },
    rebuild: { maxEvents: quick ? 20_000 : 100_000 },
    http: quick ? { seconds: 3, concurrency: [1, 16, 64], units: 600, users: 16, problems: 300 } : { seconds: 5, concurrency: [1, 16, 64], units: 2000, users: 64, problems: 1000 },
    city: {
      citySeed,
      scale,
      cacheDir: value('city-cache') ?? process.env.BENCH_CITY_CACHE ?? cityCacheDir(citySeed, scale),
      dataDir: value('city-dir') ?? process.env.BENCH_CITY_DIR ?? null,
      queriesPerKind: quick ? 40 : 180,
      asOfQueries: quick ? 2 : 3,
      keepReadModels: flag('keep-read-models'),
      rebuildAll: flag('rebuild-city'),
    },
    history: {
      scales: historyScales(value('history-scales') ?? '0.5,1,2'),
      dirs: (value('history-dirs') ?? '').split(',').map((d) => d.trim() || null),
      rounds: quick ? 2 : 3,
    },
  };
}

/** Where the bench keeps the city it generated for a seed and scale (git-ignored), for later runs to reuse. */
export function cityCacheDir(seed: number, scale: number): string {
  return `.tmp/bench-city-seed${seed}-scale${scale}`;
}

function historyScales(text: string): number[] {
  const scales = text.split(',').map(Number);
  if (scales.length < 2 || scales.some((s) => !(s > 0)) || scales.some((s, i) => i > 0 && s <= scales[i - 1])) {
    throw new Error(`--history-scales must be two or more increasing scales, got "${text}"`);
  }
  return scales;
}
