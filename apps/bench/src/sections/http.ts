import { availableParallelism } from 'node:os';
import { LoadClient } from '../support/children';
import type { LoadResult } from '../load.child';
import { compare, medianUnder, ratioAtLeast, SectionResult } from '../support/model';
import { ask, benchEnv, buildPlatformOnce, startBuiltPlatform } from '../support/built-platform';
import { BENCH_ADMIN, call, caughtUp, ok, signIn, userToken } from '../support/platform';
import { interleave, quantile } from '../support/stats';
import { removeDir, tempDir } from '../support/temp';
import { cpuSince, cpuTimes, CpuTimes } from '../support/thread-cpu';
import { benchTree, launchCampaign, pool, publishedProblem, ROOT_UNIT } from './world';

export interface HttpOptions {
  readonly rounds: number;
  readonly seed: number;
  readonly seconds: number;
  readonly concurrency: number[];
  readonly units: number;
  /** Signed-in users the commands are spread over. */
  readonly users: number;
  /** Published problems the progress notes are spread over. */
  readonly problems: number;
  readonly profile: boolean;
  readonly log: (line: string) => void;
}

const ms = (x: number) => Math.round(x * 100) / 100;
/** The app's own latencies (ms, from serve-hooks): each answer from its request's arrival, and each connection's first answer from the connection's accept. */
interface AppAnswers {
  readonly first: number[];
  readonly all: number[];
  /** Where the API's thread stood still during the run: its collections and its event loop's lateness. */
  readonly pauses: ThreadPauses | null;
}
interface ThreadPauses {
  readonly collections: number;
  readonly pauseMs: number;
  readonly longestMs: number;
  readonly full: number;
  readonly longestFullMs: number;
  readonly loopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number };
}
/** A run with the CPU time the app's threads and the load generator spent meanwhile, and the app's own latencies. */
type Run = LoadResult & {
  readonly cpu: CpuTimes | null;
  readonly loadCpu: CpuTimes | null;
  readonly app: { firstMax: number; firstP50: number; p99: number; pauses: ThreadPauses | null };
  /** The app's CPU from the run's start until its projections caught up after it (progress notes): the projector's whole work on the run's notes. */
  readonly appliedCpu?: CpuTimes | null;
  readonly cpuBefore?: CpuTimes | null;
};
const inApp = (a: AppAnswers) => ({ firstMax: a.first.length ? Math.max(...a.first) : NaN, firstP50: quantile(a.first, 0.5), p99: quantile(a.all, 0.99), pauses: a.pauses });
/** A run's stalls of the API's thread, for the log: what its tail can be measured against. */
const pausesText = (p: ThreadPauses | null) =>
  p
    ? `API thread: ${p.collections} collections, ${ms(p.pauseMs)} ms in all, the longest ${ms(p.longestMs)} ms (${p.full} full, the longest ${ms(p.longestFullMs)} ms); event loop late p50 ${ms(p.loopDelayMs.p50)}, p99 ${ms(p.loopDelayMs.p99)}, max ${ms(p.loopDelayMs.max)} ms`
    : 'API thread: not measured';
/** Milliseconds of CPU per answered request: on the API's thread (its event loop), the projector thread (niced), or the whole process. */
const cpuPerRequest = (r: Run, of: keyof CpuTimes) => (r.cpu && r.ok > 0 ? r.cpu[of] / r.ok : NaN);
/** Milliseconds of the projector thread's CPU per answered request, its catch-up after the run included. */
const appliedPerRequest = (r: Run) => (r.appliedCpu && r.ok > 0 ? r.appliedCpu.nicedMs / r.ok : NaN);
/** Milliseconds of CPU per answered request in the load generator's process. */
const loadCpuPerRequest = (r: Run) => (r.loadCpu && r.ok > 0 ? r.loadCpu.processMs / r.ok : NaN);
const rawRun = (r: Run) => ({
  rps: ms(r.rps),
  ok: r.ok,
  non2xx: r.non2xx,
  latencyMs: r.latencyMs,
  byConnection: r.byConnection,
  inApp: { firstMaxMs: ms(r.app.firstMax), firstP50Ms: ms(r.app.firstP50), p99Ms: ms(r.app.p99), pauses: r.app.pauses },
  cpuMsPerRequest: r.cpu
    ? {
        apiThread: ms(cpuPerRequest(r, 'mainMs') * 1000) / 1000,
        projectorThread: ms(cpuPerRequest(r, 'nicedMs') * 1000) / 1000,
        ...(r.appliedCpu ? { projectorThreadWithCatchUp: ms(appliedPerRequest(r) * 1000) / 1000 } : {}),
        process: ms(cpuPerRequest(r, 'processMs') * 1000) / 1000,
        loadGenerator: ms(loadCpuPerRequest(r) * 1000) / 1000,
      }
    : null,
});

/**
 * Where a run's tail is: the first answer on each connection (which waits for the busy app to
 * accept it) against the answers after it on the same connections, over a level's rounds.
 */
export function tailByConnection(runs: readonly LoadResult[]): string {
  const split = runs.map((r) => r.byConnection).filter((b) => b !== undefined);
  if (split.length === 0) return '–';
  const fmt = (xs: number[]) => xs.map((x) => (Number.isFinite(x) ? Math.round(x) : '–')).join('/');
  return `first answer per connection p50 ${fmt(split.map((b) => b.first.p50))} ms, max ${fmt(split.map((b) => b.first.max))} ms; answers after it p99 ${fmt(split.map((b) => b.later.p99))} ms`;
}

const appTail = (runs: Run[]) => {
  const f = (xs: number[]) => xs.map((x) => (Number.isFinite(x) ? Math.round(x) : '–')).join('/');
  return `first answer per connection p50 ${f(runs.map((r) => r.app.firstP50))} ms, max ${f(runs.map((r) => r.app.firstMax))} ms; every answer p99 ${f(runs.map((r) => r.app.p99))} ms`;
};
const listed = (runs: Run[], f: (r: Run) => number) => runs.map((r) => (Number.isFinite(f(r)) ? f(r).toFixed(2) : '–')).join('/');
const cpuList = (runs: Run[], of: keyof CpuTimes) => listed(runs, (r) => cpuPerRequest(r, of));
/** The machine's CPU per answered request (the app's process and the load generator's), and the rate its cores could sustain at that cost. */
const machineCpu = (runs: Run[], cores: number) => {
  const per = (r: Run) => cpuPerRequest(r, 'processMs') + loadCpuPerRequest(r);
  return `${listed(runs, per)} ms, at most ${runs.map((r) => (Number.isFinite(per(r)) ? Math.round((cores * 1000) / per(r)).toLocaleString('en-US') : '–')).join('/')}/s on ${cores} cores`;
};
const littleBound = (runs: Run[], inFlight: number) => runs.map((r) => (r.rps > 0 ? Math.round((inFlight / r.rps) * 1000) : '–')).join('/');

/** The write path's targets, judged at the highest concurrency: p99 in milliseconds, and throughput against GET /health of the same rounds. */
export const WRITE_P99_LIMIT_MS = 50;
export const WRITE_THROUGHPUT_RATIO = 0.25;
const PROBLEM_CAMPAIGN = 'bench-problems';

type Kind = 'progress' | 'participation' | 'health';
const LABELS: Record<Kind, string> = { progress: 'POST progress note', participation: 'POST participation', health: 'GET /health' };

/** A campaign of the branches with `n` published problems, so progress may be recorded on them. */
async function publishedProblems(baseUrl: string, admin: string, office: string, branchIds: string[], n: number): Promise<string[]> {
  await launchCampaign(baseUrl, admin, PROBLEM_CAMPAIGN, branchIds);
  const ids = Array.from({ length: n }, (_, i) => `bench-problem-${i}`);
  await pool(ids, 8, (id, i) => publishedProblem(baseUrl, office, id, PROBLEM_CAMPAIGN, branchIds[i % branchIds.length]).then(() => undefined));
  return ids;
}

/** Notes in `problems` a run whose requests did not all answer 2xx, and gives the run back. */
function checkedInto<R extends LoadResult>(problems: string[], what: string, r: R): R {
  if (r.non2xx > 0 || r.errors > 0) problems.push(`${what}: ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)}), ${r.errors} errors`);
  return r;
}

/** The section's world on a fresh app: the tree, the signed-in office users, and the published problems the notes go to. */
async function benchWorld(baseUrl: string, o: HttpOptions): Promise<{ admin: string; branchIds: string[]; offices: string[]; problemIds: string[] }> {
  const admin = await signIn(baseUrl, BENCH_ADMIN.username, BENCH_ADMIN.password);
  const { rows, branchIds } = benchTree(o.units);
  await ok(baseUrl, '/api/organizations/import', { units: rows }, admin);
  // Many users, as in real use: the write rate limit and its bookkeeping are per user.
  const offices: string[] = [];
  for (let u = 0; u < o.users; u += 8) {
    const ids = Array.from({ length: Math.min(8, o.users - u) }, (_, k) => `bench-office-${u + k}`);
    offices.push(...(await Promise.all(ids.map((id) => userToken(baseUrl, admin, id, 'office', [ROOT_UNIT])))));
  }
  const problemIds = await publishedProblems(baseUrl, admin, offices[0], branchIds, o.problems);
  return { admin, branchIds, offices, problemIds };
}

/**
 * The judged write again on the same app without its projections (PROJECTIONS=off, as an API
 * whose projector runs elsewhere): what these cores allow the API alone, beside GET /health of that
 * app, interleaved round by round. Not judged: a measure of what the projector thread's share of
 * the two cores costs the write's latency. No view is read, so nothing waits for one.
 */
async function apiAlone(o: HttpOptions, client: LoadClient, connections: number): Promise<{ progress: LoadResult[]; health: LoadResult[]; problems: string[] }> {
  const dataDir = tempDir('http-api-alone');
  const platform = await startBuiltPlatform(dataDir, { env: { ...benchEnv(BENCH_ADMIN), PROJECTIONS: 'off' } });
  try {
    const { offices, problemIds } = await benchWorld(platform.baseUrl, o);
    o.log(`  the API alone (PROJECTIONS=off) on ${platform.baseUrl}: ${connections} concurrent clients, ${o.seconds} s per run`);
    const progress: LoadResult[] = [];
    const health: LoadResult[] = [];
    const problems: string[] = [];
    await interleave(
      [
        {
          key: 'progress',
          run: async (round) => {
            const tag = `bench-alone-c${connections}-r${round < 0 ? 'w' : round + 1}`;
            const r = checkedInto(problems, tag, await client.run({ kind: 'progress', baseUrl: platform.baseUrl, tokens: offices, problemIds, connections, seconds: o.seconds, tag }));
            if (round >= 0) progress.push(r);
            return r.rps;
          },
        },
        {
          key: 'health',
          run: async (round) => {
            const r = checkedInto(problems, 'health, the API alone', await client.run({ kind: 'get', baseUrl: platform.baseUrl, token: offices[0], paths: ['/health'], connections, seconds: o.seconds }));
            if (round >= 0) health.push(r);
            return r.rps;
          },
        },
      ],
      { rounds: o.rounds, log: o.log },
    );
    return { progress, health, problems };
  } finally {
    await platform.close();
    removeDir(dataDir);
  }
}

/**
 * HTTP commands against the same app's GET /health, at several concurrency levels. The app is the
 * built platform as `npm start` runs it (its projections in its projector thread), in a child
 * process on a free loopback port; autocannon runs in another child process. Every command is a
 * valid, distinct one: POST participation for a unit of a campaign launched for that round (so
 * streams stay as short as in real use), a different body and its own Idempotency-Key each time.
 */
export async function benchHttp(o: HttpOptions): Promise<SectionResult> {
  const started = performance.now();
  const dataDir = tempDir('http');
  buildPlatformOnce(o.log);
  const platform = await startBuiltPlatform(dataDir, { env: benchEnv(BENCH_ADMIN) });
  const { baseUrl } = platform;
  const client = new LoadClient();
  const pid = platform.child.pid ?? 0;
  const timed = async (job: Parameters<LoadClient['run']>[0]): Promise<Run> => {
    await ask(platform.child, { type: 'answers' }, 'answers');
    const [before, loadBefore] = [cpuTimes(pid), cpuTimes(client.pid)];
    const r = await client.run(job);
    const [cpu, loadCpu] = [cpuSince(before, pid), cpuSince(loadBefore, client.pid)];
    const { answers } = await ask<{ answers: AppAnswers }>(platform.child, { type: 'answers' }, 'answers');
    const app = inApp(answers);
    const clients = 'connections' in job ? job.connections : 1;
    if (clients === Math.max(...o.concurrency)) o.log(`      ${job.kind} at ${clients} clients: p99 ${ms(r.latencyMs.p99)} ms (in the app ${ms(app.p99)} ms); ${pausesText(app.pauses)}`);
    return { ...r, cpu, loadCpu, app, cpuBefore: before };
  };
  try {
    const { admin, branchIds, offices, problemIds } = await benchWorld(baseUrl, o);
    const office = offices[0];
    await caughtUp(baseUrl);
    o.log(`  app on ${baseUrl}; ${branchIds.length} branches; ${problemIds.length} published problems; ${offices.length} users (role office, scope the whole tree)`);

    let campaigns = 0;
    let notes = 0;
    const byLevel: Record<number, Record<Kind, Run[]>> = {};
    const problems: string[] = [];
    for (const connections of o.concurrency) {
      const level: Record<Kind, Run[]> = (byLevel[connections] = { progress: [], participation: [], health: [] });
      o.log(`  ${connections} concurrent client(s), ${o.seconds} s per run`);
      await interleave(
        [
          {
            key: 'progress',
            run: async (round) => {
              const tag = `bench-note-c${connections}-r${round < 0 ? 'w' : round + 1}`;
              const r = await timed({ kind: 'progress', baseUrl, tokens: offices, problemIds, connections, seconds: o.seconds, tag });
              checkedInto(problems, tag, r);
              notes += r.ok;
              await caughtUp(baseUrl);
              if (round >= 0) level.progress.push({ ...r, appliedCpu: cpuSince(r.cpuBefore ?? null, pid) });
              return r.rps;
            },
          },
          {
            key: 'participation',
            run: async (round) => {
              const campaignId = `bench-c${connections}-r${round < 0 ? 'w' : round + 1}`;
              await launchCampaign(baseUrl, admin, campaignId, branchIds);
              campaigns++;
              await caughtUp(baseUrl);
              const r = await timed({ kind: 'participation', baseUrl, tokens: offices, campaignId, unitIds: branchIds, connections, seconds: o.seconds, tag: campaignId });
              checkedInto(problems, campaignId, r);
              // The projections catch up before the next run, so each run starts from the same quiet app.
              await caughtUp(baseUrl);
              if (round >= 0) level.participation.push(r);
              return r.rps;
            },
          },
          {
            key: 'health',
            run: async (round) => {
              const r = await timed({ kind: 'get', baseUrl, token: office, paths: ['/health'], connections, seconds: o.seconds });
              checkedInto(problems, 'health', r);
              if (round >= 0) level.health.push(r);
              return r.rps;
            },
          },
        ],
        { rounds: o.rounds, log: o.log },
      );
    }

    const profiles = [];
    if (o.profile) {
      const connections = Math.max(...o.concurrency);
      o.log(`  profiling the app during one extra run of progress notes at ${connections} clients (not timed)`);
      const { summary } = await platform.profile(`HTTP commands (POST progress note), ${connections} clients: the app process's main thread (the API's event loop)`, async () => {
        const r = await client.run({ kind: 'progress', baseUrl, tokens: offices, problemIds, connections, seconds: o.seconds, tag: 'bench-note-profile' });
        await caughtUp(baseUrl);
        return r;
      });
      profiles.push(summary);
      o.log(`  profiling the app during one extra run of GET /health at ${connections} clients (not timed)`);
      const health = await platform.profile(`GET /health, ${connections} clients: the app process's main thread (the API's event loop)`, () =>
        client.run({ kind: 'get', baseUrl, token: offices[0], paths: ['/health'], connections, seconds: o.seconds }),
      );
      profiles.push(health.summary);
    }
    const head = await call<{ eventStore: { headPosition: number } }>(baseUrl, 'GET', '/health');

    const top = Math.max(...o.concurrency);
    // One app at a time on these cores: the platform measured above ends before the API alone starts.
    await platform.close();
    const alone = await apiAlone(o, client, top);
    problems.push(...alone.problems);
    const comparisons = (['progress', 'participation'] as const).flatMap((kind) =>
      o.concurrency.flatMap((c) => {
        const l = byLevel[c];
        const judged = kind === 'progress' && c === top;
        const row = (what: string, unit: string, f: (r: Run) => number, target: Parameters<typeof compare>[4]) =>
          compare(`${kind === 'progress' ? 'progress note' : 'participation'}, ${c} client${c > 1 ? 's' : ''}: ${what}`, unit, { label: LABELS[kind], samples: l[kind].map(f) }, { label: LABELS.health, samples: l.health.map(f) }, target);
        return [
          row('throughput', 'req/s', (r) => r.rps, judged ? ratioAtLeast(WRITE_THROUGHPUT_RATIO, `≥ ${WRITE_THROUGHPUT_RATIO} × GET /health`) : null),
          row('p50 latency', 'ms', (r) => r.latencyMs.p50, null),
          row('p99 latency', 'ms', (r) => r.latencyMs.p99, judged ? medianUnder(WRITE_P99_LIMIT_MS, `p99 < ${WRITE_P99_LIMIT_MS} ms`) : null),
          // What a client of a long-running service sees on a keep-alive connection: the same run's answers without each connection's first.
          ...(c === top
            ? [row('p99 latency on connections already open', 'ms', (r) => r.byConnection?.later.p99 ?? NaN, judged ? medianUnder(WRITE_P99_LIMIT_MS, `p99 < ${WRITE_P99_LIMIT_MS} ms (first answer per connection left out)`) : null)]
            : []),
          ...(c === top ? [row(`CPU of the API's thread per request`, 'µs', (r) => cpuPerRequest(r, 'mainMs') * 1000, null)] : []),
        ];
      }),
    );
    const aloneRow = (what: string, unit: string, f: (r: LoadResult) => number) =>
      compare(`progress note, ${top} clients, the API alone (PROJECTIONS=off): ${what}`, unit, { label: LABELS.progress, samples: alone.progress.map(f) }, { label: LABELS.health, samples: alone.health.map(f) }, null);
    comparisons.push(aloneRow('throughput', 'req/s', (r) => r.rps), aloneRow('p50 latency', 'ms', (r) => r.latencyMs.p50), aloneRow('p99 latency', 'ms', (r) => r.latencyMs.p99));
    const totalCommands = Object.values(byLevel).reduce((n, l) => n + [...l.progress, ...l.participation].reduce((m, r) => m + r.ok, 0), 0);
    return {
      key: 'http',
      title: '3. HTTP commands',
      setup: [
        `The whole platform as \`npm start\` runs it: the built JavaScript (\`node dist/apps/platform/apps/platform/src/main.js\`, built once before measuring) in a child process of its own (Nest on Fastify, every module, event store with WAL + synchronous=FULL, read store WAL + NORMAL, the projections in its projector thread), listening on a free loopback port; autocannon 9 in another child process, ${o.seconds} s per run, keep-alive connections, 1 pipelined request each.`,
        `Commands, sent as ${offices.length} signed-in office users taken in turn (bearer tokens; the write limit is per user and set out of the way), each request with its own body and Idempotency-Key, so every one is a distinct valid command: validation, access check, idempotency lookup, stream load, decide, append (group commit), and the projections applying it in the same process's projector thread. Progress note (the judged write): POST /api/problems/:p/progress cycling over ${problemIds.length} published problems, whose streams grow by every note of every run (the access check folds the problem, the command decides on its stream). Participation: POST /api/campaigns/:c/units/:u/participation cycling over ${branchIds.length} branches of a campaign launched for that run. Reference: GET /health of the same app (routing, guards, JSON), interleaved run by run.`,
        `Before each participation run its campaign is launched and the projections caught up; after every command run they catch up again (untimed), so every run starts from the same quiet app. ${o.rounds} rounds per level after one dropped warm-up round, order alternating. Ratio = command / health. Targets (progress note at ${top} clients): p99 < ${WRITE_P99_LIMIT_MS} ms and throughput ≥ ${WRITE_THROUGHPUT_RATIO} × GET /health. autocannon records latencies in whole milliseconds (<1 = under a millisecond; no ratio then).`,
        `Then, once that app has ended, the API alone: the same built platform started afresh with PROJECTIONS=off (no projector thread; as an API whose projections run in another process, elsewhere), the same world built on it, and progress notes at ${top} clients against its GET /health, ${o.rounds} rounds after a warm-up, interleaved. Not judged: what the two cores allow the write path without the projections sharing them.`,
      ],
      comparisons,
      notes: [
        problems.length > 0
          ? `Requests that did not answer 2xx: ${problems.join('; ')}`
          : `All ${totalCommands.toLocaleString('en-US')} measured commands answered 201; event store head at the end: ${head.body.eventStore.headPosition.toLocaleString('en-US')} (${campaigns} campaigns launched, ${notes.toLocaleString('en-US')} progress notes recorded).`,
        `CPU per answered request at ${top} clients, as the kernel counted it (/proc, user + system, 10 ms ticks; per round) — the API's thread (its event loop): progress note ${cpuList(byLevel[top].progress, 'mainMs')} ms, participation ${cpuList(byLevel[top].participation, 'mainMs')} ms, GET /health ${cpuList(byLevel[top].health, 'mainMs')} ms; the projector thread (niceness 10) applying them as they come: progress note ${cpuList(byLevel[top].progress, 'nicedMs')} ms, participation ${cpuList(byLevel[top].participation, 'nicedMs')} ms, and for progress notes with its catch-up after the run (all it spent on the run's notes, however far behind it fell) ${listed(byLevel[top].progress, appliedPerRequest)} ms; the whole process (the writer thread, the projector thread, GC and I/O threads included): progress note ${cpuList(byLevel[top].progress, 'processMs')} ms, participation ${cpuList(byLevel[top].participation, 'processMs')} ms, GET /health ${cpuList(byLevel[top].health, 'processMs')} ms; the load generator: progress note ${listed(byLevel[top].progress, loadCpuPerRequest)} ms, GET /health ${listed(byLevel[top].health, loadCpuPerRequest)} ms. The machine's CPU per answered request, app and load generator together: progress note ${machineCpu(byLevel[top].progress, availableParallelism())}, GET /health ${machineCpu(byLevel[top].health, availableParallelism())} — what the cores allow with nothing else running. With ${top} requests always in flight (closed loop) the mean latency is ${top} / throughput (Little's law): ${littleBound(byLevel[top].progress, top)} ms for progress notes and ${littleBound(byLevel[top].health, top)} ms for GET /health at their throughput in these rounds.`,
        `The tail at ${top} clients, split by connection (each run opens its ${top} connections anew; per round): progress note: ${tailByConnection(byLevel[top].progress)}; GET /health: ${tailByConnection(byLevel[top].health)}. The same answers timed inside the app (from the connection's accept to the first answer's last byte written; from each request's arrival to its answer): progress note: ${appTail(byLevel[top].progress)}; GET /health: ${appTail(byLevel[top].health)}.`,
      ],
      profiles,
      raw: {
        apiAlone: Object.fromEntries((['progress', 'health'] as const).map((k) => [k, alone[k].map((r) => ({ rps: ms(r.rps), ok: r.ok, latencyMs: r.latencyMs, byConnection: r.byConnection }))])),
        units: branchIds.length,
        problems: problemIds.length,
        users: offices.length,
        byLevel: Object.fromEntries(
          Object.entries(byLevel).map(([c, l]) => [
            c,
            {
              progress: l.progress.map(rawRun),
              participation: l.participation.map(rawRun),
              health: l.health.map(rawRun),
            },
          ]),
        ),
      },
      durationMs: performance.now() - started,
    };
  } finally {
    client.close();
    await platform.close();
    removeDir(dataDir);
  }
}
