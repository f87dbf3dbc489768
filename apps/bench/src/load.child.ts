/**
 * Child process of the bench that generates HTTP load, so the client does not share the server's
 * event loop (the platform runs in the parent, or in a server child). It answers one job per IPC
 * message: autocannon runs (distinct command bodies or a list of GETs), or GETs one at a time
 * with every latency kept (for exact quantiles).
 */
// autocannon ships no types; the parts used here:
interface AutocannonRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}
interface AutocannonResult {
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => { on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

export type LoadJob =
  | {
      kind: 'participation';
      baseUrl: string;
      /** Signed-in users, taken in turn: request i goes as tokens[i % n]. */
      tokens: string[];
      campaignId: string;
      unitIds: string[];
      connections: number;
      seconds: number;
      /** Makes idempotency keys unique across runs. */
      tag: string;
    }
  | {
      kind: 'progress';
      baseUrl: string;
      /** Signed-in users, taken in turn: request i goes as tokens[i % n]. */
      tokens: string[];
      /** Published problems the notes go to, in turn. */
      problemIds: string[];
      connections: number;
      seconds: number;
      tag: string;
    }
  | { kind: 'get'; baseUrl: string; token: string; paths: string[]; connections: number; seconds: number }
  | { kind: 'sequential'; baseUrl: string; token: string; paths: string[] };

export interface LoadResult {
  /** 2xx answers per second over the run. */
  readonly rps: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly seconds: number;
  readonly latencyMs: { p50: number; p90: number; p95?: number; p99: number; max: number; mean: number };
  readonly statusCodes: Record<string, number>;
  /** Sequential jobs: every latency, in order. */
  readonly samples?: number[];
  /**
   * Load runs: the first answer on each connection (its latency includes opening the connection
   * while the app is busy with the others) and the answers after it, apart (ms).
   */
  readonly byConnection?: { readonly first: Quantiles; readonly later: Quantiles };
}

export interface Quantiles {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

function quantiles(xs: number[]): Quantiles {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => (s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]);
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: at(1) };
}

async function run(job: LoadJob): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${job.kind === 'participation' || job.kind === 'progress' ? job.tokens[0] : job.token}`, 'content-type': 'application/json' };
  if (job.kind === 'sequential') {
    const samples: number[] = [];
    const statusCodes: Record<string, number> = {};
    const t0 = performance.now();
    let ok = 0;
    for (const path of job.paths) {
      const t = performance.now();
      const res = await fetch(job.baseUrl + path, { headers });
      await res.arrayBuffer();
      samples.push(performance.now() - t);
      statusCodes[res.status] = (statusCodes[res.status] ?? 0) + 1;
      if (res.status < 300) ok++;
    }
    const seconds = (performance.now() - t0) / 1000;
    const q = (p: number) => {
      const s = [...samples].sort((a, b) => a - b);
      return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
    };
    return {
      rps: ok / seconds,
      ok,
      non2xx: samples.length - ok,
      errors: 0,
      timeouts: 0,
      seconds,
      latencyMs: { p50: q(0.5), p90: q(0.9), p95: q(0.95), p99: q(0.99), max: q(1), mean: samples.reduce((a, b) => a + b, 0) / samples.length },
      statusCodes,
      samples,
    };
  }
  let requests: Array<AutocannonRequest & { setupRequest?: (r: AutocannonRequest) => AutocannonRequest }>;
  if (job.kind === 'participation') {
    let n = 0;
    requests = [
      {
        method: 'POST',
        setupRequest: (req) => {
          const i = n++;
          const unitId = job.unitIds[i % job.unitIds.length];
          const shouldAttend = 20 + (i % 40);
          return {
            ...req,
            method: 'POST',
            path: `/api/campaigns/${job.campaignId}/units/${unitId}/participation`,
            headers: { ...headers, authorization: `Bearer ${job.tokens[i % job.tokens.length]}`, 'idempotency-key': `${job.tag}-${i}` },
            body: JSON.stringify({ shouldAttend, attended: shouldAttend - 3 - (i % 3), excused: [{ reason: '流动党员', count: 1 + (i % 2) }] }),
          };
        },
      },
    ];
  } else if (job.kind === 'progress') {
    let n = 0;
    requests = [
      {
        method: 'POST',
        setupRequest: (req) => {
          const i = n++;
          return {
            ...req,
            method: 'POST',
            path: `/api/problems/${job.problemIds[i % job.problemIds.length]}/progress`,
            headers: { ...headers, authorization: `Bearer ${job.tokens[i % job.tokens.length]}`, 'idempotency-key': `${job.tag}-${i}` },
            body: JSON.stringify({ note: `第${i + 1}次整改进展：已召开专题会议，逐项推进落实整改措施` }),
          };
        },
      },
    ];
  } else {
    requests = job.paths.map((path) => ({ method: 'GET', path }));
  }
  // Each connection's first answer apart from the rest: it includes the connection's set-up, which the rest do not.
  const first: number[] = [];
  const later: number[] = [];
  const answered = new Set<unknown>();
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon({ url: job.baseUrl, connections: job.connections, duration: job.seconds, headers, requests, timeout: 30 }, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on('response', (client: unknown, _status: number, _bytes: number, ms: number) => {
      if (answered.has(client)) later.push(ms);
      else {
        answered.add(client);
        first.push(ms);
      }
    });
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = s.count;
  return {
    rps: result['2xx'] / result.duration,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
    statusCodes,
    byConnection: { first: quantiles(first), later: quantiles(later) },
  };
}

process.on('message', (message: { id: number; job: LoadJob }) => {
  run(message.job).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? error.stack : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
