import type { LoadResult } from '../load.child';
import type { LoadClient } from '../support/children';
import { compare, Comparison, medianUnder, ratioAtLeast } from '../support/model';
import { call, caughtUp, userToken } from '../support/platform';
import { alternating } from '../support/stats';
import { tailByConnection, WRITE_P99_LIMIT_MS, WRITE_THROUGHPUT_RATIO } from './http';

/**
 * The city section's write rows: progress notes over HTTP at 1, 16 and 64 clients on the demo
 * city, against GET /health of the same server in the same rounds, judged as section 3 judges them
 * on its world of 300 problems. On the city every note also lands in projections that hold the
 * whole city (the ledger's rows with their indexes, the tree's tallies up to the city, the audit
 * trail, the search), which section 3's small world does not show.
 */
export const CITY_WRITE_CLIENTS = [1, 16, 64] as const;
const USERS = 16;
const PROBLEMS = 300;

export interface CityWrites {
  readonly byClients: Record<number, { progress: LoadResult[]; health: LoadResult[] }>;
  readonly problems: number;
  readonly users: number;
  /** ms each run's projections took to catch up after it (untimed in the rows). */
  readonly catchUpMs: number[];
  /** Who wrote and where, for one more run under the profiler. */
  readonly tokens: readonly string[];
  readonly problemIds: readonly string[];
}

interface Options {
  readonly baseUrl: string;
  readonly adminToken: string;
  readonly campaignId: string;
  readonly client: LoadClient;
  readonly rounds: number;
  readonly seconds: number;
  readonly log: (line: string) => void;
}

interface ProblemPage {
  readonly items: Array<{ problemId: string }>;
  readonly next: string | null;
}

/** Problems of the campaign that take notes now (in progress), the first PROBLEMS of the tracker's list. */
async function notableProblems(o: Options): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const query = new URLSearchParams({ status: 'in_progress', limit: '100', ...(after ? { after } : {}) });
    const page: { status: number; body: ProblemPage } = await call<ProblemPage>(o.baseUrl, 'GET', `/api/campaigns/${o.campaignId}/rectification-tracker/problems?${query}`, { token: o.adminToken });
    if (page.status !== 200) throw new Error(`problem list: ${page.status}`);
    ids.push(...page.body.items.map((p) => p.problemId));
    after = page.body.next;
  } while (after && ids.length < PROBLEMS);
  return ids.slice(0, PROBLEMS);
}

export async function cityWrites(o: Options): Promise<CityWrites> {
  const root = (await call<{ units: Array<{ unitId: string }> }>(o.baseUrl, 'GET', '/api/organizations?level=city', { token: o.adminToken })).body.units[0]?.unitId;
  if (!root) throw new Error('the city has no unit of level city');
  const tokens: string[] = [];
  for (let u = 0; u < USERS; u++) tokens.push(await userToken(o.baseUrl, o.adminToken, `bench-city-office-${u}`, 'office', [root]));
  const problemIds = await notableProblems(o);
  o.log(`  writes: progress notes by ${USERS} office users (scope the whole city) over ${problemIds.length} problems in progress, at ${CITY_WRITE_CLIENTS.join(', ')} clients, ${o.seconds} s per run, against GET /health; a warm-up round, then ${o.rounds}`);
  const byClients: CityWrites['byClients'] = {};
  const catchUpMs: number[] = [];
  for (const connections of CITY_WRITE_CLIENTS) {
    const level = (byClients[connections] = { progress: [] as LoadResult[], health: [] as LoadResult[] });
    for (let round = -1; round < o.rounds; round++) {
      const notes = async () => {
        const tag = `bench-city-${connections}-${round}`;
        const r = await runNotes(o, tokens, problemIds, connections, tag);
        // Every run starts from views caught up, as in section 3.
        const t0 = performance.now();
        await caughtUp(o.baseUrl, 10 * 60_000);
        catchUpMs.push(performance.now() - t0);
        return r;
      };
      const health = () => o.client.run({ kind: 'get', baseUrl: o.baseUrl, token: o.adminToken, paths: ['/health'], connections, seconds: o.seconds });
      const [p, h] = await alternating(round + 1, notes, health);
      if (round < 0) continue;
      level.progress.push(p);
      level.health.push(h);
      o.log(`    writes at ${connections} client${connections > 1 ? 's' : ''}, round ${round + 1}/${o.rounds}: notes ${Math.round(p.rps)}/s p50=${p.latencyMs.p50} p99=${p.latencyMs.p99} ms; health ${Math.round(h.rps)}/s p99=${h.latencyMs.p99} ms`);
    }
  }
  return { byClients, problems: problemIds.length, users: USERS, catchUpMs, tokens, problemIds };
}

/**
 * One more run of progress notes at the most clients, untimed, for the server's profiler: the same
 * users and problems, its own idempotency keys. The caller lets the views catch up after it.
 */
export async function cityNotesUnderProfile(o: RunOptions, w: CityWrites): Promise<number> {
  const connections = Math.max(...CITY_WRITE_CLIENTS);
  await runNotes(o, w.tokens, w.problemIds, connections, 'bench-city-profile');
  return connections;
}

type RunOptions = Pick<Options, 'baseUrl' | 'client' | 'seconds'>;

/** One run of progress notes by these users over these problems; any answer but 2xx fails the section. */
async function runNotes(o: RunOptions, tokens: readonly string[], problemIds: readonly string[], connections: number, tag: string): Promise<LoadResult> {
  const r = await o.client.run({ kind: 'progress', baseUrl: o.baseUrl, tokens: [...tokens], problemIds: [...problemIds], connections, seconds: o.seconds, tag });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`city progress notes (${tag}): ${JSON.stringify(r.statusCodes)}, ${r.errors} errors`);
  return r;
}

export function cityWriteRows(w: CityWrites): Comparison[] {
  const top = Math.max(...CITY_WRITE_CLIENTS);
  return CITY_WRITE_CLIENTS.flatMap((c) => {
    const l = w.byClients[c];
    const judged = c === top;
    const row = (what: string, unit: string, f: (r: LoadResult) => number, target: Parameters<typeof compare>[4]) =>
      compare(`progress note, ${c} client${c > 1 ? 's' : ''}: ${what}`, unit, { label: 'POST progress note', samples: l.progress.map(f) }, { label: 'GET /health', samples: l.health.map(f) }, target);
    return [
      row('throughput', 'req/s', (r) => r.rps, judged ? ratioAtLeast(WRITE_THROUGHPUT_RATIO, `≥ ${WRITE_THROUGHPUT_RATIO} × GET /health`) : null),
      row('p50 latency', 'ms', (r) => r.latencyMs.p50, null),
      row('p99 latency', 'ms', (r) => r.latencyMs.p99, judged ? medianUnder(WRITE_P99_LIMIT_MS, `p99 < ${WRITE_P99_LIMIT_MS} ms`) : null),
      // As section 3 splits it: each 3 s run opens its connections anew, and at 64 clients their first answers are about a hundredth of a run's, the p99's own rank.
      ...(judged
        ? [row('p99 latency on connections already open', 'ms', (r) => r.byConnection?.later.p99 ?? NaN, medianUnder(WRITE_P99_LIMIT_MS, `p99 < ${WRITE_P99_LIMIT_MS} ms (first answer per connection left out)`))]
        : []),
    ];
  });
}

/** Where the tail of the runs at the most clients is: their first answer per connection against the answers after it. */
export function cityWritesTail(w: CityWrites): string {
  const top = Math.max(...CITY_WRITE_CLIENTS);
  const l = w.byClients[top];
  return `The writes' tail at ${top} clients, split by connection (each run opens its ${top} connections anew; per round): progress note: ${tailByConnection(l.progress)}; GET /health: ${tailByConnection(l.health)}.`;
}

export function cityWritesSetup(w: CityWrites, seconds: number): string {
  const catchUp = w.catchUpMs.length ? `${Math.round(Math.min(...w.catchUpMs))}-${Math.round(Math.max(...w.catchUpMs))} ms` : 'n/a';
  return `Writes on the city: POST /api/problems/:p/progress as ${w.users} office users (scope the whole city) taken in turn, each request with its own note and Idempotency-Key, over ${w.problems} problems in progress, at ${CITY_WRITE_CLIENTS.join(', ')} clients for ${seconds} s per run (autocannon, keep-alive), against GET /health of the same server at as many clients, in alternating order round by round, after a warm-up round. After each run of notes the projections catch up before anything else is measured (untimed; ${catchUp} per run): what a note costs the projector on the city is spent while the next runs answer, as in section 3. Targets as section 3's: at ${Math.max(...CITY_WRITE_CLIENTS)} clients p99 < ${WRITE_P99_LIMIT_MS} ms and throughput ≥ ${WRITE_THROUGHPUT_RATIO} × GET /health.`;
}
