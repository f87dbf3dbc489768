import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BenchConfig, parseArgs, SECTIONS } from './config';
import { BenchReport, renderMarkdown } from './report';
import { currentLoad, machineInfo } from './support/machine';
import { SectionResult } from './support/model';
import { cleanupTemp } from './support/temp';
import { withHeadlineRules } from './support/headlines';
import { prepareCity } from './support/city-data';
import { mergeScaling, scalePoint } from './scaling';

/**
 * `npm run bench`: every figure against its reference (the limit, or the peer), measured in the
 * same run, interleaved round by round; results in docs/benchmarks.md and docs/benchmarks.json.
 * Never part of the tests. Options: --quick (few, short rounds, for development), --only=a,b
 * (sections: appends, witness, reads, rebuild, http, city, web; history only when named, with
 * --history-scales=0.5,1,2 and --history-dirs=DIR,DIR,DIR), --out=DIR (default docs/), --no-profile,
 * --merge (with --only: replace those sections in DIR/benchmarks.json and keep the others),
 * --render=FILE (write benchmarks.md again from a benchmarks.json, without measuring).
 */
async function main(): Promise<void> {
  // --render=FILE: only write the report again from a benchmarks.json (after editing the report code).
  const render = process.argv.find((a) => a.startsWith('--render='))?.slice('--render='.length);
  if (render) {
    const saved = JSON.parse(readFileSync(render, 'utf8')) as BenchReport;
    writeFileSync(join(dirname(render), 'benchmarks.md'), renderMarkdown(saved));
    console.log(`bench: wrote ${join(dirname(render), 'benchmarks.md')} from ${render}`);
    return;
  }
  // In-process apps (the sections' world set-up) log only warnings and errors and keep the hourly
  // deadline job off, as under tests; the HTTP and city servers run as `npm start` does (support/built-platform.ts).
  process.env.NODE_ENV = 'test';
  const config = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.log(line);
  const Database = (await import('better-sqlite3')).default;
  const betterSqliteVersion = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  const machine = machineInfo({ betterSqlite3: betterSqliteVersion, nodeSqlite3: null });
  log(`bench: ${config.quick ? 'quick' : 'full'} run, sections ${config.sections.join(', ')}; load average ${machine.loadAtStart.join(' / ')}`);
  const started = performance.now();
  const sections: SectionResult[] = [];
  const run = async (key: BenchConfig['sections'][number], fn: () => Promise<SectionResult>) => {
    if (!config.sections.includes(key)) return;
    log(`\n== ${key}`);
    const t0 = performance.now();
    const result = withHeadlineRules(await fn());
    sections.push(result);
    log(`== ${key} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };

  // The city comes first: the rebuild section replays a prefix of its history when it exists.
  const city = ['city', 'rebuild', 'web'].some((k) => config.sections.includes(k as BenchConfig['sections'][number])) ? await prepareCity(config, log) : null;
  if (city && !city.ok) log(`  no city: ${city.reason}`);
  const prepared = city?.ok ? city.city : null;

  // Sections load when they run: the peer store (apps/bench's own dependencies) only for those that compare against it.
  await run('appends', async () => (await import('./sections/appends')).benchAppends({ ...config.appends, seed: config.seed, rounds: config.rounds, profile: config.profile, log }));
  await run('witness', async () => (await import('./sections/witness')).benchWitness({ ...config.witness, seed: config.seed, rounds: config.rounds, log }));
  await run('reads', async () => (await import('./sections/reads')).benchReads({ ...config.reads, seed: config.seed, rounds: config.rounds, log }));
  await run('rebuild', async () => (await import('./sections/rebuild')).benchRebuild({ ...config.rebuild, seed: config.seed, rounds: config.rebuildRounds, profile: config.profile, city: prepared, log }));
  await run('http', async () => (await import('./sections/http')).benchHttp({ ...config.http, seed: config.seed, rounds: config.httpRounds, profile: config.profile, log }));
  await run('city', async () => (await import('./sections/city')).benchCity({ ...config.city, seed: config.seed, rounds: config.httpRounds, profile: config.profile, city, log }));
  await run('history', async () => (await import('./sections/history')).benchHistory({ ...config.history, config, log }));
  await run('web', async () => (await import('./sections/web')).benchWeb({ rounds: config.webRounds, city, keepReadModels: config.city.keepReadModels, log }));

  machine.loadAtEnd = currentLoad();
  const totalMs = performance.now() - started;
  let report: BenchReport = { machine, config, totalMs, city: prepared?.info ?? (city && !city.ok ? { pending: city.reason } : null), sections };
  const out = resolve(config.outDir);
  mkdirSync(out, { recursive: true });
  const earlier = config.merge && existsSync(join(out, 'benchmarks.json')) ? (JSON.parse(readFileSync(join(out, 'benchmarks.json'), 'utf8')) as BenchReport) : null;
  if (earlier) report = mergeInto(earlier, report);
  // Each run at a scale adds (or replaces) its column of the scaling table.
  report = { ...report, scaling: mergeScaling(earlier?.scaling, scalePoint(sections, machine, config.city.scale, config.quick)) };
  writeFileSync(join(out, 'benchmarks.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(out, 'benchmarks.md'), renderMarkdown(report));
  log(`\nbench: done in ${(totalMs / 1000).toFixed(0)} s; wrote ${join(out, 'benchmarks.md')} and benchmarks.json`);
}

/**
 * --merge: the sections just measured replace theirs in an earlier full report, which keeps its
 * machine, configuration and city; each merged section's setup says the scale and load it ran at.
 */
function mergeInto(earlier: BenchReport, now: BenchReport): BenchReport {
  const measured = (s: SectionResult): SectionResult => ({
    ...s,
    setup: [`Measured in a separate run (${now.machine.date}, load average ${now.machine.loadAtStart.join(' / ')} → ${now.machine.loadAtEnd.join(' / ')}, ${now.config.quick ? 'quick' : 'full'}; city scale ${now.config.city.scale}) and merged into this report.`, ...s.setup],
  });
  const fresh = new Map(now.sections.map((s) => [s.key, measured(s)]));
  // In the order of their numbers (1, 1b, 1c, 2 …), so a section merged in for the first time lands where it belongs.
  const sections = [...earlier.sections.map((s) => fresh.get(s.key) ?? withHeadlineRules(s)), ...[...fresh.values()].filter((s) => !earlier.sections.some((e) => e.key === s.key))].sort((a, b) =>
    a.title.localeCompare(b.title, 'en', { numeric: true }),
  );
  const order = [...SECTIONS] as string[];
  const sectionKeys = [...new Set([...earlier.config.sections, ...now.config.sections])].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { ...earlier, config: { ...earlier.config, sections: sectionKeys }, sections };
}

let finished = false;
process.on('exit', (code) => {
  if (!finished) console.error(`bench: the event loop emptied before the run finished (a promise never settled); exit code ${code}`);
});

main()
  .then(() => {
    finished = true;
    cleanupTemp();
    process.exit(0);
  })
  .catch((error: unknown) => {
    finished = true;
    console.error(error);
    cleanupTemp();
    process.exit(1);
  });
