import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BenchConfig, cityCacheDir } from '../config';
import { CityAvailability, prepareCity } from '../support/city-data';
import { compare, ratioAtLeast, SectionResult } from '../support/model';
import { interleave } from '../support/stats';
import { removeDir } from '../support/temp';
import { eventsPerCpuSecond, eventsPerSecond, RawLoopRun, rawLoopOverHistory, rebuildEveryView, RebuildRun, workingCopy } from './city';

export interface HistoryOptions {
  readonly config: BenchConfig;
  /** The cities' scales, shortest history first, and for each an existing data directory or null (the bench's own copy). */
  readonly scales: readonly number[];
  readonly dirs: readonly (string | null)[];
  readonly rounds: number;
  readonly log: (line: string) => void;
}

/** Events per second of the longest history over the shortest's, round by round: flat within a tenth. */
export const FLAT_RATIO = 0.9;

const KEY = 'history';
const TITLE = '4b. Rebuild across history lengths';
const perSecond = (r: RebuildRun) => eventsPerSecond(r.head, r);
const perCpuSecond = (r: RebuildRun) => eventsPerCpuSecond(r.head, r);
const rawPerSecond = (r: RawLoopRun) => eventsPerSecond(r.events, r);

/**
 * `npm run rebuild` of every view on cities of one seed at several scales, alternating round by
 * round in one run (the scaling table compares runs made at different times, which this machine's
 * load moves by a fifth), so how a rebuild's rate changes with the length of the history is read
 * from rebuilds that ran next to each other.
 */
export async function benchHistory(o: HistoryOptions): Promise<SectionResult> {
  const started = performance.now();
  const cities: CityAvailability[] = [];
  for (const [i, scale] of o.scales.entries()) {
    const city = { ...o.config.city, scale, dataDir: o.dirs[i] ?? null, cacheDir: cityCacheDir(o.config.city.citySeed, scale) };
    cities.push(await prepareCity({ ...o.config, city }, o.log));
  }
  const missing = cities.find((c): c is Extract<CityAvailability, { ok: false }> => !c.ok);
  if (missing) return pending(missing.reason);
  const ready = cities.map((c) => (c as Extract<CityAvailability, { ok: true }>).city);
  // Each rebuild starts over the read models the one before built, as `npm run rebuild` on a running city does.
  const copies = ready.map((c) => workingCopy(c.sourceDir, true));
  try {
    for (const [i, dir] of copies.entries()) {
      if (existsSync(join(dir, 'read-models.sqlite'))) continue;
      o.log(`  scale ${o.scales[i]}: no read models kept with the city, so one rebuild builds them first (not timed)`);
      await rebuildEveryView(dir, o.log);
    }
    const runs: RebuildRun[][] = copies.map(() => []);
    const rawLoops: RawLoopRun[][] = copies.map(() => []);
    await interleave(
      copies.flatMap((dir, i) => [
        {
          key: `scale ${o.scales[i]}`,
          run: async () => {
            const r = await rebuildEveryView(dir, o.log);
            runs[i].push(r);
            return perSecond(r);
          },
        },
        {
          key: `scale ${o.scales[i]}, raw loop`,
          run: async () => {
            const r = await rawLoopOverHistory(dir, o.log);
            rawLoops[i].push(r);
            return rawPerSecond(r);
          },
        },
      ]),
      { rounds: o.rounds, warmup: 0, log: o.log },
    );
    const label = (i: number) => `scale ${o.scales[i]} (${ready[i].marker.events.toLocaleString('en-US')} events)`;
    const last = copies.length - 1;
    const comparisons = copies.slice(1).flatMap((_, k) => {
      const i = k + 1;
      // This history's samples against the shortest's, on one measure of the rebuild or of the raw loop.
      const row = (what: string, samples: (j: number) => number[], judged: boolean, note?: string) =>
        compare(`${what}: ${label(i)} against ${label(0)}`, 'events/s', { label: label(i), samples: samples(i) }, { label: label(0), samples: samples(0) }, judged ? ratioAtLeast(FLAT_RATIO, `≥ ${FLAT_RATIO} × the shortest history (flat)`) : null, note);
      return [
        row('rebuild every view, events per second', (j) => runs[j].map(perSecond), i === last),
        row('rebuild every view, events per CPU second', (j) => runs[j].map(perCpuSecond), false),
        row('raw loop, same evolve, events per second', (j) => rawLoops[j].map(rawPerSecond), false, 'how the floor itself slows with the history: every view\'s evolve into Maps, nothing stored (section 2\'s raw loop), in the same rounds'),
      ];
    });
    return {
      key: KEY,
      title: TITLE,
      setup: [
        `\`npm run rebuild\` of every view (in a child process of its own, as the city section runs it) on copies of the generated cities of seed ${o.config.city.citySeed} at scales ${o.scales.join(', ')}, read models included, so each rebuild starts over the views the one before built. ${o.rounds} rounds, the cities' order alternating round by round, no warm-up (a city whose read models were missing had them built once first); ratio = the longer history's rate over the shortest's in the same round. In the same rounds, section 2's raw loop (every view's evolve into Maps, nothing stored, a child process of its own) over each city's whole history: the floor's own slope, shown and not judged. Target: events/s flat in history length, read as the longest history's rate at least ${FLAT_RATIO} × the shortest's.`,
      ],
      comparisons,
      notes: [
        `Per city, per round: ${copies.map((_, i) => `${label(i)} ${runs[i].map((r) => `${Math.round(r.durationMs / 1000)} s, peak RSS ${r.peakRssMiB} MiB`).join('; ')}`).join(' — ')}.`,
        `The raw loop per city, per round: ${copies.map((_, i) => `${label(i)} ${rawLoops[i].map((r) => `${(r.durationMs / 1000).toFixed(1)} s, peak RSS ${r.peakRssMiB} MiB`).join('; ')}`).join(' — ')}.`,
        `Each view's own share of the first round, per 1,000 events: ${copies.map((_, i) => `${label(i)}: ${viewShares(runs[i][0], ready[i].marker.events)}`).join(' — ')}.`,
      ],
      profiles: [],
      raw: { scales: o.scales, events: ready.map((c) => c.marker.events), runs, rawLoops },
      durationMs: performance.now() - started,
    };
  } finally {
    for (const dir of copies) removeDir(dir);
  }
}

/** Each view's own time in a rebuild (ms) per 1,000 events of the history it went through. */
export function viewMsPerThousandEvents(run: Pick<RebuildRun, 'perProjectionMs'>, events: number): Record<string, number> {
  return Object.fromEntries(Object.entries(run.perProjectionMs).map(([name, ms]) => [name, (ms / events) * 1000]));
}

/** The views that took a tenth of a second or more, the heaviest first. */
function viewShares(run: RebuildRun, events: number): string {
  return Object.entries(viewMsPerThousandEvents(run, events))
    .filter(([name]) => run.perProjectionMs[name] >= 100)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
    .join(', ');
}

function pending(reason: string): SectionResult {
  return { key: KEY, title: TITLE, setup: [], comparisons: [], notes: [], profiles: [], raw: {}, durationMs: 0, pending: `Pending: ${reason}.` };
}
