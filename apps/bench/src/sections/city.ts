import Database from 'better-sqlite3';
import { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RANK_KEYS, UNIT_TYPES } from '@platform/domain';
import type { LoadResult } from '../load.child';
import { ChildUsage, childResult, LoadClient } from '../support/children';
import { ask, benchEnv, buildPlatformOnce, forkBuiltPlatform, scriptEnv } from '../support/built-platform';
import { CityAvailability } from '../support/city-data';
import { Comparison, compare, medianUnder, ratioAtLeast, SectionResult } from '../support/model';
import { call, caughtUp, signIn } from '../support/platform';
import { startupRows, StartupTimes } from './city-startup';
import { citySearch } from './city-search';
import { cityNotesUnderProfile, cityWriteRows, cityWrites, cityWritesSetup, cityWritesTail } from './city-writes';
import { ProfileSummary, summarizeProfileFile } from '../support/profile';
import { alternating, quantile, spread } from '../support/stats';
import { removeDir, tempDir } from '../support/temp';

/** Seconds per run of the city's write rows, as section 3's runs. */
const CITY_WRITE_SECONDS = 3;

export interface CityOptions {
  readonly rounds: number;
  readonly seed: number;
  readonly queriesPerKind: number;
  readonly asOfQueries: number;
  readonly keepReadModels: boolean;
  readonly rebuildAll?: boolean;
  readonly profile: boolean;
  readonly city: CityAvailability | null;
  readonly log: (line: string) => void;
}

interface ResidentSplit {
  rssMiB: number;
  /** The process's own memory: every thread's JavaScript heap, malloc (SQLite's page caches among it). */
  anonMiB: number;
  /** Mapped files: SQLite's memory-mapped reads and the code; the OS's file cache, dropped under pressure. */
  fileMiB: number;
  shmemMiB: number;
}

interface ServerStats {
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB?: number;
  otherThreadsHeapMiB?: number;
  otherThreadsHeapUsedMiB?: number;
  externalMiB?: number;
  arrayBuffersMiB?: number;
  resident?: ResidentSplit | null;
  peakSampledRssMiB: number;
  peakResident?: ResidentSplit;
  mappedDatabases?: Array<{ file: string; mappings: number; rssMiB: number }>;
  atPeak?: {
    mainHeapMiB: number;
    mainHeapUsedMiB?: number;
    mainAfterFullCollectionMiB?: number;
    otherThreadsHeapMiB: number;
    otherThreadsHeapUsedMiB?: number;
    otherThreadsAfterFullCollectionMiB?: number;
    lastRequest: string | null;
  } | null;
  maxRssMiB: number;
}

/** One phase's memory: the resident set now and at its highest sample, each split into the process's own and mapped files. */
export function memoryPhase(label: string, s: ServerStats): string {
  const inUse = (used: number | undefined, live: number | undefined) =>
    (used === undefined ? '' : `, ${used} in use`) + (live === undefined ? '' : `, ${live} after its latest full collection`);
  const split = (r: ResidentSplit | null | undefined) => (r ? ` (own ${r.anonMiB}, mapped files ${r.fileMiB}, shared ${r.shmemMiB})` : '');
  const mapped = (s.mappedDatabases ?? []).filter((d) => d.rssMiB > 0).map((d) => `${d.file} ${d.rssMiB} MiB in ${d.mappings} mapping${d.mappings === 1 ? '' : 's'}`);
  const atPeak = s.atPeak
    ? `, when the V8 heaps held ${s.atPeak.mainHeapMiB}${inUse(s.atPeak.mainHeapUsedMiB, s.atPeak.mainAfterFullCollectionMiB)} (main thread) and ${s.atPeak.otherThreadsHeapMiB}${inUse(s.atPeak.otherThreadsHeapUsedMiB, s.atPeak.otherThreadsAfterFullCollectionMiB)} (projector thread), answering ${s.atPeak.lastRequest?.slice(0, 120) ?? 'nothing yet'}`
    : '';
  return (
    `${label}: RSS ${s.rssMiB} MiB${split(s.resident)}, peak ${s.maxRssMiB} MiB (highest sample ${s.peakSampledRssMiB} MiB${split(s.peakResident)}${atPeak}); ` +
    `main thread's JS heap ${s.heapUsedMiB} MiB used of ${s.heapTotalMiB ?? '?'}, external ${s.externalMiB ?? '?'} MiB` +
    (s.otherThreadsHeapMiB === undefined ? '' : `; projector thread's ${s.otherThreadsHeapUsedMiB} MiB used of ${s.otherThreadsHeapMiB}`) +
    (mapped.length ? `; mapped now: ${mapped.join(', ')}` : '')
  );
}

interface Started {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** ms since the child process started: modules loaded, app created, listening. */
  readonly timings: { modulesLoaded: number; created: number; listening: number };
  /** Spawn to listening, and spawn to every projection caught up (lag 0), measured by the parent. */
  readonly listeningMs: number;
  readonly caughtUpMs: number;
  /** Projections behind in the very first /health answer (0: it answered nothing stale). */
  readonly behindAtFirstAnswer: number;
}

/** The platform in a child process on `dataDir`, as `npm start` runs it; resolves once its projections have caught up. */
export async function startServer(dataDir: string, extraExecArgv: string[] = []): Promise<Started> {
  buildPlatformOnce();
  const t0 = performance.now();
  const child = forkBuiltPlatform(dataDir, { env: benchEnv(null), extraExecArgv });
  const listening = await new Promise<{ port: number; timings: Started['timings'] }>((resolve, reject) => {
    child.once('message', (m: { type: string; port: number; timings: Started['timings'] }) => (m.type === 'listening' ? resolve(m) : reject(new Error(`unexpected ${m.type}`))));
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
  const listeningMs = performance.now() - t0;
  const baseUrl = `http://127.0.0.1:${listening.port}`;
  const first = await call<{ projections: { items: Array<{ lag: number }> } }>(baseUrl, 'GET', '/health');
  const behindAtFirstAnswer = first.body.projections.items.filter((p) => p.lag > 0).length;
  await caughtUp(baseUrl, 30 * 60_000);
  return { child, baseUrl, timings: listening.timings, listeningMs, caughtUpMs: performance.now() - t0, behindAtFirstAnswer };
}

export async function stopServer(child: ChildProcess): Promise<{ closeMs: number; stats: ServerStats }> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const closed = await ask<{ closeMs: number; stats: ServerStats }>(child, { type: 'close' }, 'closed');
  await exited;
  return closed;
}

/**
 * Resolves once the global notary has chained every stored event (ms waited). A city generated
 * before the notary kept its chain has none: the first start then chains the whole history on the
 * main thread, in rounds that took a fifth of it for the first two minutes at twice the demo city
 * and landed on whichever requests ran then; a server that has run a while has its chain.
 */
async function notaryCaughtUp(baseUrl: string, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const health = await call<{ notary?: { behind: boolean } | null }>(baseUrl, 'GET', '/health');
    if (!health.body.notary?.behind) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error('the notary did not catch up with the stored events in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const rounded = (x: number) => Math.round(x * 10) / 10;

export interface RebuildRun extends ChildUsage {
  readonly durationMs: number;
  readonly head: number;
  readonly perProjectionMs: Record<string, number>;
}

export interface RawLoopRun extends ChildUsage {
  readonly durationMs: number;
  readonly events: number;
  readonly documents: number;
}

/** A child's rate over the events it went through: per second of its time, and per second of its CPU. */
export const eventsPerSecond = (events: number, run: { readonly durationMs: number }) => (events / run.durationMs) * 1000;
export const eventsPerCpuSecond = (events: number, run: ChildUsage) => (events / run.cpuMs) * 1000;
const runLine = (events: number, run: ChildUsage & { readonly durationMs: number }) =>
  `${events} events in ${Math.round(run.durationMs)} ms (${Math.round(eventsPerSecond(events, run))} events/s, ${Math.round(eventsPerCpuSecond(events, run))} per CPU second), peak RSS ${run.peakRssMiB} MiB`;

/** `npm run rebuild` of every view on the data directory (the server stopped), in a child process of its own. */
export async function rebuildEveryView(dataDir: string, log: (line: string) => void): Promise<RebuildRun> {
  log('  rebuild every view of the whole history (npm run rebuild, a child process)');
  const run = await childResult<RebuildRun>('rebuild.child.ts', [dataDir], 'npm run rebuild', { env: scriptEnv('rebuild') });
  log(`    rebuilt ${runLine(run.head, run)}`);
  return run;
}

/**
 * Section 2's raw loop (every view's evolve into Maps, nothing stored) over the same whole history,
 * in a child process of its own: the rebuild's reference at this scale, so how its rate changes with
 * the history can be told apart from how the work of the views' evolve changes with it.
 */
export async function rawLoopOverHistory(dataDir: string, log: (line: string) => void): Promise<RawLoopRun> {
  log('  the raw loop over the same whole history (every view\'s evolve into Maps, a child process)');
  // Every document in the heap at once: about 2 GiB at twice the city.
  const run = await childResult<RawLoopRun>('raw-loop.child.ts', [dataDir], 'the raw loop', { extraExecArgv: ['--max-old-space-size=8192'] });
  log(`    ${runLine(run.events, run)}, ${run.documents} documents`);
  return run;
}

/** Copies the city (events, identity, marker; read models and audit files only when kept) into a fresh directory. */
export function workingCopy(sourceDir: string, keepReadModels = false): string {
  const dir = tempDir('city');
  const kept = keepReadModels ? readdirSync(sourceDir).filter((f) => /^(read-models|audit-checkpoints)\.sqlite(-wal)?$|^audit-signing-key\.pem$/.test(f)) : [];
  for (const f of ['events.sqlite', 'events.sqlite-wal', 'identity.sqlite', 'identity.sqlite-wal', 'notary.sqlite', 'notary.sqlite-wal', 'demo-city.json', ...kept]) {
    if (existsSync(join(sourceDir, f))) copyFileSync(join(sourceDir, f), join(dir, f));
  }
  return dir;
}

/** Documents and JSON bytes per read-model collection, from the read store's file. */
function readModelSizes(dataDir: string): Array<{ collection: string; n: number; bytes: number }> {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  try {
    const sizes = (table: string) =>
      db.prepare<[], { collection: string; n: number; bytes: number }>(`SELECT collection, count(*) AS n, sum(length(body)) AS bytes FROM ${table} GROUP BY collection ORDER BY bytes DESC`).all();
    const hasVersions = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'document_versions'").get();
    return [...sizes('documents'), ...(hasVersions ? sizes('document_versions').map((v) => ({ ...v, collection: `${v.collection} (versions)` })) : [])];
  } finally {
    db.close();
  }
}

function pendingSection(reason: string): SectionResult {
  return {
    key: 'city',
    title: '4. At city scale',
    setup: [],
    comparisons: [],
    notes: [],
    profiles: [],
    raw: {},
    durationMs: 0,
    pending: `Pending: ${reason}.`,
  };
}

/**
 * The seed documents' city, generated once: board, tracker and audit-trail queries (many GETs with
 * varying filters and pages) against GET /health in the same rounds, an as-of board, restart
 * time, and the server's peak memory. The server runs in a child process of its own.
 */
export async function benchCity(o: CityOptions): Promise<SectionResult> {
  if (!o.city || !o.city.ok) return pendingSection(o.city ? o.city.reason : 'the city was not prepared');
  const city = o.city.city;
  const started = performance.now();
  const dataDir = workingCopy(city.sourceDir, o.keepReadModels);
  const client = new LoadClient();
  let server: Started | null = null;
  try {
    o.log(
      o.keepReadModels
        ? `  start on a copy of the city with the read models of an earlier start kept (--keep-read-models): not a first start`
        : `  first start on a copy of the city (${city.marker.events.toLocaleString('en-US')} events, no read models yet): projections built from position 0`,
    );
    server = await startServer(dataDir);
    const firstStart = server;
    o.log(`    listening after ${Math.round(server.listeningMs)} ms, projections caught up after ${(server.caughtUpMs / 1000).toFixed(1)} s`);
    const notaryWaitMs = await notaryCaughtUp(server.baseUrl, 30 * 60_000);
    o.log(`    the notary's chain caught up with the stored events ${(notaryWaitMs / 1000).toFixed(1)} s later (before anything is measured)`);
    const statsAfterFirstStart = (await ask<{ stats: ServerStats }>(server.child, { type: 'stats' }, 'stats')).stats;

    const admin = city.marker.credentials.find((c) => c.role === 'admin');
    const office = city.marker.credentials.find((c) => c.role === 'office');
    // The first supervision group (督导组): a dozen county-level units, between one county and the city.
    const group = city.marker.credentials.find((c) => c.role === 'inspector');
    if (!admin || !office || !group) throw new Error('the city marker names no administrator, office or inspector');
    const adminToken = await signIn(server.baseUrl, admin.username, admin.password);
    // The reads are the office's (活动办公室), whose scope is the city's root unit: every query filters on
    // the city's units, as the office's own do. The administrator's scope is everything and filters on
    // none, which spared the administrator's queries a cost the office's paid.
    const token = await signIn(server.baseUrl, office.username, office.password);
    const groupToken = await signIn(server.baseUrl, group.username, group.password);
    const campaign = city.marker.mainCampaignId;
    const counties = countiesWithUnits((await call<{ units: OrganizationUnit[] }>(server.baseUrl, 'GET', '/api/organizations', { token })).body.units);
    const health = (await call<{ eventStore: { headPosition: number } }>(server.baseUrl, 'GET', '/health')).body;
    const head = health.eventStore.headPosition;

    // Query mixes: every request differs (filters, counties, pages), in a fixed order.
    const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length];
    const qs = (params: Record<string, string | number | null>) =>
      Object.entries(params)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
        .join('&');
    const statuses = ['in_progress', 'fixed', 'verified', 'closed', 'deferred', 'joint', 'planned'];
    // As of: a month before the city's "now" (a time, mapped to a position) and the middle position.
    const monthAgo = new Date(Date.parse(city.marker.now) - 30 * 86_400_000).toISOString();
    const middle = Math.round(head / 2);
    // The whole city and one county apart: a p95 over a mix of scopes hides the expensive one.
    const boardPath = (i: number, root: string | null, asOf: string | number | null) =>
      `/api/campaigns/${campaign}/board?${qs({ root, unitType: i % 3 === 0 ? pick(UNIT_TYPES, i) : null, rankBy: pick(RANK_KEYS, i), skip: (i % 5) * 50, limit: 50, asOf })}`;
    const trackerPath = (i: number, root: string | null, asOf: string | number | null) =>
      `/api/campaigns/${campaign}/rectification-tracker?${qs({ root, skip: (i % 4) * 50, limit: 50, metricsVersion: 1 + (i % 2), asOf })}`;
    const problemsPath = (i: number, root: string | null) =>
      `/api/campaigns/${campaign}/rectification-tracker/problems?${qs({ root, status: i % 3 !== 2 ? pick(statuses, i) : null, overdue: i % 3 === 2 ? 'true' : null, warningLevel: i % 4 === 1 ? 'yellow,red' : null, skip: (i % 6) * 50, limit: 50 })}`;
    // Every other page newest first, from the same kind of cursor.
    const auditPath = (i: number, root: string | null) => {
      const at = Math.floor((((i * 7919) % 97) / 97) * head);
      return `/api/audit-trail?${qs({ root, ...(i % 2 === 1 ? { order: 'desc', before: at + 1 } : { after: at }), limit: 100, type: i % 4 === 0 ? 'ProblemClosed' : null })}`;
    };
    // A month of the trail, as a supervision group reads it: one of the history's last six months, in
    // either order, from its start (a month's end lies deep in history, far from either end of the trail).
    const monthOfTrail = (i: number, root: string | null) => {
      const end = Date.parse(city.marker.now) - ((i % 6) + 1) * 30 * 86_400_000;
      const window = { occurredFrom: new Date(end - 30 * 86_400_000).toISOString(), occurredTo: new Date(end).toISOString() };
      return `/api/audit-trail?${qs({ root, ...window, order: i % 2 === 1 ? 'desc' : 'asc', limit: 100 })}`;
    };
    const kinds: Record<string, (i: number) => string> = {
      boardCity: (i) => boardPath(i, null, null),
      boardCounty: (i) => boardPath(i, pick(counties, i), null),
      trackerCity: (i) => trackerPath(i, null, null),
      trackerCounty: (i) => trackerPath(i, pick(counties, i), null),
      problemsFilteredCity: (i) => problemsPath(i, null),
      problemsFilteredCounty: (i) => problemsPath(i, pick(counties, i)),
      problemsUnfiltered: (i) => `/api/campaigns/${campaign}/rectification-tracker/problems?${qs({ skip: (i % 6) * 50, limit: 50 })}`,
      auditCity: (i) => auditPath(i, null),
      auditGroup: (i) => auditPath(i, null),
      auditCounty: (i) => auditPath(i, pick(counties, i + 11)),
      auditMonthCity: (i) => monthOfTrail(i, null),
      auditMonthCounty: (i) => monthOfTrail(i, pick(counties, i + 5)),
      // As of: the whole city (the widest scope) beside the same query live.
      boardAsOfMonth: (i) => boardPath(i, null, monthAgo),
      boardAsOfMiddle: (i) => boardPath(i, null, middle),
      boardLive: (i) => boardPath(i, null, null),
      trackerAsOfMonth: (i) => trackerPath(i, null, monthAgo),
      trackerAsOfMiddle: (i) => trackerPath(i, null, middle),
      trackerLive: (i) => trackerPath(i, null, null),
      // A moment no request asked for before (each request its own position): what a first look at a past moment costs.
      boardAsOfFresh: (i) => boardPath(i, null, Math.round(head / 3) + i * 101),
      trackerAsOfFresh: (i) => trackerPath(i, null, Math.round(head / 3) + i * 103),
      // One county as of the same moments, beside it live: a scope that stays about the same at every scale, where the whole city grows with it.
      boardCountyAsOfMonth: (i) => boardPath(i, pick(counties, i), monthAgo),
      boardCountyAsOfFresh: (i) => boardPath(i, pick(counties, i), Math.round(head / 3) + i * 107),
      boardCountyLive: (i) => boardPath(i, pick(counties, i), null),
      trackerCountyAsOfMonth: (i) => trackerPath(i, pick(counties, i), monthAgo),
      trackerCountyAsOfFresh: (i) => trackerPath(i, pick(counties, i), Math.round(head / 3) + i * 109),
      trackerCountyLive: (i) => trackerPath(i, pick(counties, i), null),
      // Verifying the latest signed checkpoint against today's history.
      verify: () => '/api/audit-trail/checkpoints/verify',
      ...citySearch.kinds(counties),
      health: () => '/health',
    };
    const perRound = Math.max(5, Math.round(o.queriesPerKind / o.rounds));
    // A verification reads the whole history while it is not incremental: fewer of them keep the run short.
    const perRoundOf = (kind: string) => (kind === 'verify' ? 3 : perRound);
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
    const roundP95: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
    const failures: string[] = [];
    const measured: Array<{ kind: string; path: string; ms: number }> = [];
    const runKind = async (kind: string, round: number, count = perRoundOf(kind)): Promise<LoadResult> => {
      const paths = Array.from({ length: count }, (_, j) => kinds[kind](round * perRound + j));
      const r = await client.run({ kind: 'sequential', baseUrl: server!.baseUrl, token: kind === 'auditGroup' ? groupToken : token, paths });
      if (r.non2xx > 0) failures.push(`${kind}: ${JSON.stringify(r.statusCodes)}`);
      (r.samples ?? []).forEach((ms, j) => measured.push({ kind, path: paths[j], ms }));
      return r;
    };
    o.log(`  queries: ${perRound} different GETs per kind and round (verification ${perRoundOf('verify')}), one at a time; a warm-up round of every kind, then ${o.rounds} rounds of board and tracker, of as-of, then of the audit trail, each interleaved with GET /health`);
    // Every collection is loaded (and stays in memory) before anything is measured, as in a server that has run a while.
    const warm: string[] = [];
    for (const kind of Object.keys(kinds)) warm.push(`${kind} p50=${rounded((await runKind(kind, 0)).latencyMs.p50)}`);
    o.log(`    warm-up: ${warm.join('  ')} ms`);
    measured.length = 0;
    // The audit trail allocates hundreds of MB per query at this scale; measured in a phase of its own, its
    // garbage does not land on the board and tracker queries (and their own does).
    const phases: Array<{ name: string; kinds: string[]; health: string }> = [
      { name: 'board and tracker', kinds: ['boardCity', 'boardCounty', 'trackerCity', 'trackerCounty', 'problemsFilteredCity', 'problemsFilteredCounty', 'problemsUnfiltered', 'health'], health: 'health' },
      {
        name: 'as of',
        kinds: ['boardAsOfMonth', 'boardAsOfMiddle', 'boardAsOfFresh', 'boardLive', 'trackerAsOfMonth', 'trackerAsOfMiddle', 'trackerAsOfFresh', 'trackerLive', 'boardCountyAsOfMonth', 'boardCountyAsOfFresh', 'boardCountyLive', 'trackerCountyAsOfMonth', 'trackerCountyAsOfFresh', 'trackerCountyLive'],
        health: 'health',
      },
      { name: 'audit trail', kinds: ['auditCity', 'auditGroup', 'auditCounty', 'auditMonthCity', 'auditMonthCounty', 'verify', 'healthAudit'], health: 'healthAudit' },
      citySearch.phase,
    ];
    kinds.healthAudit = kinds.health;
    samples.healthAudit = [];
    roundP95.healthAudit = [];
    kinds.healthSearch = kinds.health;
    samples.healthSearch = [];
    roundP95.healthSearch = [];
    for (const phase of phases) {
      for (let round = 0; round < o.rounds; round++) {
        const order = round % 2 === 0 ? [...phase.kinds] : [...phase.kinds].reverse();
        const line: string[] = [];
        for (const kind of order) {
          const r = await runKind(kind, round + 1);
          samples[kind].push(...(r.samples ?? []));
          roundP95[kind].push(r.latencyMs.p95 ?? Number.NaN);
          line.push(`${kind} p50=${rounded(r.latencyMs.p50)} p95=${rounded(r.latencyMs.p95 ?? Number.NaN)}`);
        }
        o.log(`    ${phase.name}, round ${round + 1}/${o.rounds}: ${line.join('  ')} ms`);
      }
    }

    // The slowest measured requests of each kind, with their scope size: where the tail comes from.
    const subtreeSize = new Map<string, number>();
    const scopeOf = (path: string) => new URLSearchParams(path.split('?')[1] ?? '').get('root');
    const sizeOf = async (root: string | null) => {
      if (!root) return null;
      if (!subtreeSize.has(root)) {
        const r = await call<{ total: number }>(server!.baseUrl, 'GET', `/api/organizations?root=${encodeURIComponent(root)}`, { token });
        subtreeSize.set(root, r.body.total);
      }
      return subtreeSize.get(root)!;
    };
    const slowest: Record<string, Array<{ path: string; ms: number; scopeUnits: number | null }>> = {};
    for (const kind of ['boardCity', 'boardCounty', 'trackerCity', 'trackerCounty', 'problemsFilteredCity', 'problemsFilteredCounty', 'problemsUnfiltered', 'boardAsOfMonth', 'trackerAsOfMiddle', 'boardAsOfFresh', 'trackerAsOfFresh', 'auditCity', 'auditGroup', 'auditCounty', 'auditMonthCity', 'auditMonthCounty']) {
      const top = measured.filter((m) => m.kind === kind).sort((a, b) => b.ms - a.ms).slice(0, 5);
      slowest[kind] = [];
      for (const m of top) slowest[kind].push({ path: m.path, ms: Math.round(m.ms), scopeUnits: await sizeOf(scopeOf(m.path)) });
    }
    const statsBeforeAsOf = (await ask<{ stats: ServerStats }>(server.child, { type: 'stats' }, 'stats')).stats;
    // Four as-of requests at once (different moments, board and tracker), against the same four one after another.
    const fourPaths = (round: number) => [
      kinds.boardAsOfMonth(round * 4),
      kinds.trackerAsOfMiddle(round * 4 + 1),
      boardPath(round * 4 + 2, null, Math.round(head / 4)),
      trackerPath(round * 4 + 3, null, Math.round((head * 3) / 4)),
    ];
    const timedGet = async (path: string) => {
      const t0 = performance.now();
      const r = await call(server!.baseUrl, 'GET', path, { token });
      if (r.status !== 200) failures.push(`as-of ${path}: ${r.status}`);
      return performance.now() - t0;
    };
    const fourAtOnce: number[] = [];
    const fourInTurn: number[] = [];
    for (let round = 0; round <= o.rounds; round++) {
      const paths = fourPaths(round);
      const together = async () => Math.max(...(await Promise.all(paths.map(timedGet))));
      const inTurn = async () => {
        let slowest = 0;
        for (const path of paths) slowest = Math.max(slowest, await timedGet(path));
        return slowest;
      };
      const [atOnce, alone] = await alternating(round, together, inTurn);
      // Round 0 warms up.
      if (round > 0) {
        fourAtOnce.push(atOnce);
        fourInTurn.push(alone);
      }
    }
    o.log(`  four as-of at once, slowest answer per round: ${fourAtOnce.map((x) => `${Math.round(x)} ms`).join(', ')} (alone, slowest of the same four: ${fourInTurn.map((x) => `${Math.round(x)} ms`).join(', ')})`);
    const statsAfterAsOf = (await ask<{ stats: ServerStats }>(server.child, { type: 'stats' }, 'stats')).stats;
    // After every read is measured: the notes add to the city what the reads above would then see.
    const writes = await cityWrites({ baseUrl: server.baseUrl, adminToken, campaignId: campaign, client, rounds: o.rounds, seconds: CITY_WRITE_SECONDS, log: o.log });
    const statsAfterWrites = (await ask<{ stats: ServerStats }>(server.child, { type: 'stats' }, 'stats')).stats;

    const profiles: ProfileSummary[] = [];
    if (o.profile) {
      o.log('  profiling the server during a few more queries of each kind and one as-of board (not timed)');
      const names: Record<string, string> = {
        boardCity: 'whole-city board',
        trackerCity: 'whole-city tracker summary',
        problemsFilteredCity: 'filtered whole-city problem list',
        problemsUnfiltered: 'unfiltered whole-city problem list',
        boardAsOfMonth: 'board as of a month ago',
        boardAsOfFresh: 'board as of a moment not asked before',
        trackerAsOfMonth: 'tracker summary as of a month ago',
        trackerAsOfFresh: 'tracker summary as of a moment not asked before',
        auditCity: 'whole-city audit trail',
        verify: 'checkpoint verification',
      };
      for (const kind of Object.keys(names)) {
        await ask(server.child, { type: 'profile-start' }, 'profile-started');
        // A moment not asked before: the moments just past the measured ones (round 99's would lie beyond the head at scale 1).
        await runKind(kind, kind.endsWith('Fresh') ? o.rounds + 1 : 99, Math.min(10, perRoundOf(kind)));
        profiles.push((await ask<{ summary: ProfileSummary }>(server.child, { type: 'profile-stop', label: `city: ${Math.min(10, perRoundOf(kind))} ${names[kind]} queries (server process)` }, 'profile')).summary);
      }
      // The writes' p99 row is judged too: its profile is the city's own, not section 3's small world.
      await ask(server.child, { type: 'profile-start' }, 'profile-started');
      const clients = await cityNotesUnderProfile({ baseUrl: server.baseUrl, client, seconds: CITY_WRITE_SECONDS }, writes);
      profiles.push((await ask<{ summary: ProfileSummary }>(server.child, { type: 'profile-stop', label: `city: progress notes at ${clients} clients for ${CITY_WRITE_SECONDS} s (server process's main thread, the API's event loop)` }, 'profile')).summary);
      // As after every measured run: the restart below starts from views caught up.
      await caughtUp(server.baseUrl, 10 * 60_000);
    }
    const statsAfterQueries = statsBeforeAsOf;
    const beforeRestart = await stopServer(server.child);
    server = null;

    o.log('  restart on the same data directory');
    server = await startServer(dataDir);
    const restart = server;
    const restartToken = await signIn(server.baseUrl, admin.username, admin.password);
    const firstAfter = await client.run({
      kind: 'sequential',
      baseUrl: server.baseUrl,
      token: restartToken,
      paths: [kinds.boardCity(0), kinds.trackerCity(0), kinds.problemsUnfiltered(0), kinds.auditCity(0)],
    });
    const afterRestart = await stopServer(server.child);
    server = null;
    if (o.profile) {
      o.log('  profiling one more restart (not timed): node --cpu-prof of the server process');
      const profDir = tempDir('restart-profile');
      server = await startServer(dataDir, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=500']);
      await stopServer(server.child);
      server = null;
      const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
      if (file) profiles.push(summarizeProfileFile('city: a restart, from process start until the projections are caught up (server process, node --cpu-prof)', join(profDir, file)));
      removeDir(profDir);
    }
    o.log(`    restart: listening after ${Math.round(restart.listeningMs)} ms, caught up after ${Math.round(restart.caughtUpMs)} ms; first queries ${(firstAfter.samples ?? []).map((x) => Math.round(x)).join(', ')} ms`);
    // Like every city figure, over the section's rounds: one start or rebuild alone moved by a fifth with the machine.
    const restarts: StartupTimes[] = [restart];
    while (restarts.length < o.rounds) {
      server = await startServer(dataDir);
      restarts.push(server);
      await stopServer(server.child);
      server = null;
      o.log(`    restart ${restarts.length}/${o.rounds}: caught up after ${Math.round(restarts[restarts.length - 1].caughtUpMs)} ms`);
    }

    // Alternating, as every ratio of the bench: the rebuild, then its reference, round by round.
    const rebuilds: RebuildRun[] = [];
    const rawLoops: RawLoopRun[] = [];
    while (o.rebuildAll && rebuilds.length < o.rounds) {
      rebuilds.push(await rebuildEveryView(dataDir, o.log));
      rawLoops.push(await rawLoopOverHistory(dataDir, o.log));
    }
    const rebuilt = rebuilds[0] ?? null;
    const collections = readModelSizes(dataDir);
    const peakMiB = Math.max(beforeRestart.stats.maxRssMiB, afterRestart.stats.maxRssMiB);
    const p = (kind: string, q: number) => quantile(samples[kind], q);
    const perRoundNote = (kind: string) => `p95 per round: ${roundP95[kind].map(rounded).join(', ')} ms; max ${rounded(p(kind, 1))} ms`;
    const latencyRow = (kind: string, label: string, limit: number | null, health = 'health'): Comparison[] => [
      compare(`${label}: p50`, 'ms', { label, samples: [p(kind, 0.5)] }, { label: 'GET /health', samples: [p(health, 0.5)] }, null),
      compare(`${label}: p95`, 'ms', { label, samples: [p(kind, 0.95)] }, { label: 'GET /health', samples: [p(health, 0.95)] }, limit === null ? null : medianUnder(limit, `p95 < ${limit} ms`), perRoundNote(kind)),
    ];
    /** As-of against the same query live, in the same rounds: "about the cost of a live query". */
    const asOfRow = (kind: string, label: string, live: string, liveLabel: string, note: string): Comparison =>
      compare(`${label}: p95`, 'ms', { label, samples: [p(kind, 0.95)] }, { label: liveLabel, samples: [p(live, 0.95)] }, medianUnder(100, 'p95 < 100 ms'), `${note}; ${perRoundNote(kind)}`);
    const comparisons: Comparison[] = [
      ...latencyRow('boardCity', 'board, whole city', 50),
      ...latencyRow('boardCounty', 'board, one county', 50),
      ...latencyRow('trackerCity', 'tracker summary, whole city', 50),
      ...latencyRow('trackerCounty', 'tracker summary, one county', 50),
      ...latencyRow('problemsFilteredCity', 'problem list with filters, whole city', 100),
      ...latencyRow('problemsFilteredCounty', 'problem list with filters, one county', 100),
      ...latencyRow('problemsUnfiltered', 'problem list unfiltered, whole city', 100),
      asOfRow('boardAsOfMonth', 'board as of a month ago', 'boardLive', 'board live', `asOf=${monthAgo}`),
      asOfRow('boardAsOfMiddle', 'board as of a middle position', 'boardLive', 'board live', `asOf=${middle} of ${head}`),
      asOfRow('trackerAsOfMonth', 'tracker as of a month ago', 'trackerLive', 'tracker live', `asOf=${monthAgo}`),
      asOfRow('trackerAsOfMiddle', 'tracker as of a middle position', 'trackerLive', 'tracker live', `asOf=${middle} of ${head}`),
      asOfRow('boardAsOfFresh', 'board as of a moment not asked before', 'boardLive', 'board live', `asOf=a new position from ${Math.round(head / 3)} on for every request`),
      asOfRow('trackerAsOfFresh', 'tracker as of a moment not asked before', 'trackerLive', 'tracker live', `asOf=a new position from ${Math.round(head / 3)} on for every request`),
      asOfRow('boardCountyAsOfMonth', 'board as of a month ago, one county', 'boardCountyLive', 'board live, one county', `asOf=${monthAgo}`),
      asOfRow('boardCountyAsOfFresh', 'board as of a moment not asked before, one county', 'boardCountyLive', 'board live, one county', `asOf=a new position from ${Math.round(head / 3)} on for every request`),
      asOfRow('trackerCountyAsOfMonth', 'tracker as of a month ago, one county', 'trackerCountyLive', 'tracker live, one county', `asOf=${monthAgo}`),
      asOfRow('trackerCountyAsOfFresh', 'tracker as of a moment not asked before, one county', 'trackerCountyLive', 'tracker live, one county', `asOf=a new position from ${Math.round(head / 3)} on for every request`),
      compare('four as-of requests at once: the slowest', 'ms', { label: 'four at once', samples: fourAtOnce }, { label: 'the same four one at a time, slowest', samples: fourInTurn }, medianUnder(100, 'slowest < 100 ms'), 'board and tracker at four moments; per round: all four sent together, against each sent alone'),
      ...latencyRow('auditCity', 'audit trail, whole city, one page', 100, 'healthAudit'),
      ...latencyRow('auditGroup', "audit trail, a supervision group's scope, one page", 100, 'healthAudit'),
      ...latencyRow('auditCounty', 'audit trail, one county, one page', 100, 'healthAudit'),
      ...latencyRow('auditMonthCity', 'audit trail, a month of the whole city, one page', 100, 'healthAudit'),
      ...latencyRow('auditMonthCounty', 'audit trail, a month of one county, one page', 100, 'healthAudit'),
      ...latencyRow('verify', 'verification of the latest checkpoint', 100, 'healthAudit'),
      ...citySearch.rows(latencyRow),
      ...cityWriteRows(writes),
      ...startupRows(firstStart, restarts, o.keepReadModels ?? false),
      ...(rebuilt
        ? [
            compare(
              'rebuild every view, whole history (npm run rebuild)',
              'events/s',
              { label: 'rebuild', samples: rebuilds.map((r) => eventsPerSecond(r.head, r)) },
              { label: 'raw loop, same evolve', samples: rawLoops.map((r) => eventsPerSecond(r.events, r)) },
              ratioAtLeast(0.5, '≥ 0.5 × raw loop'),
              `${rebuilt.head.toLocaleString('en-US')} events in ${rebuilds.map((r) => (r.durationMs / 1000).toFixed(1)).join(', ')} s (${rebuilds.length} rounds, each over the views the round before built), peak RSS of the rebuild process ${Math.max(...rebuilds.map((r) => r.peakRssMiB))} MiB; per view in the first round ${Object.entries(rebuilt.perProjectionMs)
                .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
                .join(', ')}; the raw loop (section 2's, over the same ${rawLoops[0].events.toLocaleString('en-US')} events, alternating round by round) in ${rawLoops.map((r) => (r.durationMs / 1000).toFixed(1)).join(', ')} s, ending with ${rawLoops[0].documents.toLocaleString('en-US')} documents in Maps, peak RSS ${Math.max(...rawLoops.map((r) => r.peakRssMiB))} MiB`,
            ),
            compare(
              'rebuild every view, whole history: events per CPU second',
              'events/s',
              { label: 'rebuild', samples: rebuilds.map((r) => eventsPerCpuSecond(r.head, r)) },
              { label: 'raw loop, same evolve', samples: rawLoops.map((r) => eventsPerCpuSecond(r.events, r)) },
              null,
              `${rebuilds.map((r) => (r.cpuMs / 1000).toFixed(1)).join(', ')} s of CPU (user and system) for ${rebuilt.head.toLocaleString('en-US')} events, ${rebuilds.map((r) => ((r.cpuMs / r.head) * 1000).toFixed(0)).join(', ')} µs per event (the raw loop ${rawLoops.map((r) => ((r.cpuMs / r.events) * 1000).toFixed(0)).join(', ')} µs): the rebuild's own work, which the machine's other load does not stretch as it stretches the elapsed time`,
            ),
          ]
        : []),
      compare('peak memory (server RSS)', 'MiB', { label: 'server', samples: [peakMiB] }, null, medianUnder(1024, 'peak < 1 GiB'), `before restart ${beforeRestart.stats.maxRssMiB} MiB (heap ${beforeRestart.stats.heapUsedMiB} MiB at the end), after restart ${afterRestart.stats.maxRssMiB} MiB`),
    ];
    const gen = city.generation;
    return {
      key: 'city',
      title: '4. At city scale',
      setup: [
        `City: seed ${city.marker.seed}, scale ${city.marker.scale} (${Object.entries(city.marker.figures).slice(0, 8).map(([k, v]) => `${k} ${v}`).join(', ')}), ${city.marker.events.toLocaleString('en-US')} events generated for ${city.marker.now}; ${gen ? `generated by this run in ${(gen.durationMs / 1000).toFixed(1)} s (peak RSS ${gen.peakRssMiB} MiB), not counted in the bench time` : `generated by an earlier run and reused from ${city.sourceDir}`}.`,
        `The server is the platform in a child process of its own (every module, embedded stores), started on a copy of the city; the queries come one at a time from the load-client child, with the token of the office (${office.who}), whose scope is the city's root unit, so that every query filters on the city's units as the office's own do (the administrator's scope is everything and filters on none); the supervision group's audit trail with that group's token (${group.who}). Each request differs: scope root (the whole city, or one of the counties), unit type, rank key, page, status, warning-level and overdue filters, audit cursor, order (every other page newest first) and type. The tracker summary is measured for the whole city and for one county as separate kinds, and so is the problem list with filters and unfiltered over the whole city.`,
        `A warm-up round of every kind first (so every collection is loaded, as in a server that has run a while), then ${o.rounds} rounds of board, tracker summaries, problem lists and GET /health (the reference), interleaved in alternating order, ${perRound} GETs per kind and round; then ${o.rounds} rounds of the as-of kinds (the whole city's board and tracker as of a month before the city's "now", given as a time, and as of the middle position, each asked again and again, and as of a position no request asked for before, a new one per request; one county's as of a month ago and as of a new position per request) beside the same queries live; then ${o.rounds} rounds of the audit trail (one page of 100 entries, whole city and one county; and one page of a month, \`occurredFrom\`/\`occurredTo\` a 30-day window ending 1-6 months before the city's "now", in history order or newest first, whole city and one county) and of the verification of the latest signed checkpoint (${perRoundOf('verify')} GETs a round) against GET /health; then ${o.rounds} rounds of full-text search (below) against GET /health. The whole city and one county are separate kinds throughout. p50/p95 over all latencies of a kind (the p95 of each round in the row's note).`,
        citySearch.setup,
        cityWritesSetup(writes, CITY_WRITE_SECONDS),
        `Four as-of requests at once: per round (one dropped warm-up round, then ${o.rounds}), a board and a tracker at four different moments sent together from the bench process, against the same four sent one after another; the figure is the slowest answer.`,
        'Restart: the server closed, a new process started on the same data directory; timed from spawn until /health answers with every projection at lag 0 (the built platform, \`node dist/apps/platform/apps/platform/src/main.js\` as \`npm start\` runs it, built once before anything is measured). The deadline-warning job runs at start as under `npm start`. Peak memory: the server process\'s peak resident set (getrusage maxrss), sampled too every 50 ms.',
      ],
      comparisons,
      notes: [
        o.keepReadModels
          ? `Started with the read models of an earlier start kept (--keep-read-models), so the first start was not measured in this run: listening after ${Math.round(firstStart.listeningMs)} ms, caught up after ${(firstStart.caughtUpMs / 1000).toFixed(1)} s; the restart row's reference is that start, not a build from position 0.`
          : `First start on the city without read models: listening after ${Math.round(firstStart.listeningMs)} ms, every projection built from position 0 after ${(firstStart.caughtUpMs / 1000).toFixed(1)} s; RSS then ${statsAfterFirstStart.rssMiB} MiB (peak ${statsAfterFirstStart.maxRssMiB} MiB).`,
        `The global notary's chain ${notaryWaitMs < 1000 ? 'was caught up at the start' : `caught up with the stored events ${(notaryWaitMs / 1000).toFixed(1)} s after the start (the city came without its chain), before anything was measured`}.`,
        `Server memory by phase, in MiB ("own" is anonymous memory: the heaps of both threads, malloc, SQLite's page caches; "mapped files" are file pages mapped into the process, mostly SQLite's memory-mapped reads, which are the OS's file cache and are dropped under pressure; peak is the kernel's high-water mark): ${[
          memoryPhase('after the first start', statsAfterFirstStart),
          memoryPhase('after the live queries', statsAfterQueries),
          memoryPhase('after the as-of queries', statsAfterAsOf),
          memoryPhase('after the writes (progress notes at 1, 16 and 64 clients, the views caught up after each run)', statsAfterWrites),
          memoryPhase('after a restart and one query of each kind', afterRestart.stats),
        ].join('; ')}.`,
        `Read models on disk (SQLite; nothing is held in memory; "(versions)" are the past versions kept for as-of): ${collections.map((c) => `${c.collection} ${c.n.toLocaleString('en-US')} documents, ${(c.bytes / 2 ** 20).toFixed(0)} MiB of JSON`).join('; ')}.`,
        `Slowest measured requests (scope = units under \`root\`; none = the asker's whole scope: the office's whole city, the supervision group's units for auditGroup): ${Object.entries(slowest)
          .map(([kind, xs]) => `${kind} ${xs.slice(0, 3).map((x) => `${x.ms} ms (${x.scopeUnits === null ? 'whole city' : `${x.scopeUnits} units`})`).join(', ')}`)
          .join('; ')}. Per-request latencies grow with the number of units in scope (see where the time goes).`,
        cityWritesTail(writes),
        `First queries after the restart (board, tracker, tracker problems, audit trail; the read store loads each collection on first use): ${(firstAfter.samples ?? []).map((x) => `${Math.round(x)} ms`).join(', ')}.`,
        ...(failures.length > 0 ? [`Non-2xx answers: ${failures.join('; ')}`] : []),
      ],
      profiles,
      raw: {
        head,
        samples: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, { ...spread(v), p95: quantile(v, 0.95), p99: quantile(v, 0.99) }])),
        roundP95,
        slowest,
        asOf: { monthAgo, middle, fourAtOnce, fourInTurn },
        firstStart: { listeningMs: firstStart.listeningMs, caughtUpMs: firstStart.caughtUpMs, timings: firstStart.timings, behindAtFirstAnswer: firstStart.behindAtFirstAnswer, stats: statsAfterFirstStart },
        restart: { listeningMs: restart.listeningMs, caughtUpMs: restart.caughtUpMs, timings: restart.timings, behindAtFirstAnswer: restart.behindAtFirstAnswer, firstQueriesMs: firstAfter.samples, roundsCaughtUpMs: restarts.map((r) => r.caughtUpMs) },
        memory: { afterFirstStart: statsAfterFirstStart, afterQueries: statsAfterQueries, afterAsOf: statsAfterAsOf, afterWrites: statsAfterWrites, beforeRestart: beforeRestart.stats, afterRestart: afterRestart.stats },
        writes: { users: writes.users, problems: writes.problems, catchUpMs: writes.catchUpMs.map(Math.round) },
        readModels: collections,
        generation: gen,
        rebuilds,
        rawLoops,
      },
      durationMs: performance.now() - started,
    };
  } finally {
    if (server) server.child.kill();
    client.close();
    removeDir(dataDir);
  }
}

interface OrganizationUnit {
  readonly unitId: string;
  readonly level: string;
  readonly parentId: string | null;
}

/**
 * The county-level units with units below them (区县: townships, villages, their branches), in the
 * city's order: one of them is a scope of about the same size at every scale (110-165 units on the
 * demo city's board at half and at twice its size), where the county-level departments without
 * any (most of the list, and more of it the larger the city) are a unit each.
 */
function countiesWithUnits(units: readonly OrganizationUnit[]): string[] {
  const parents = new Set(units.map((u) => u.parentId));
  const counties = units.filter((u) => u.level === 'county' && parents.has(u.unitId)).map((u) => u.unitId);
  if (counties.length === 0) throw new Error('the city has no county with units below it');
  return counties;
}

