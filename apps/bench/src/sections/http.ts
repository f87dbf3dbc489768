import { LoadClient } from '../support/children';
import type { LoadResult } from '../load.child';
import { compare, SectionResult } from '../support/model';
import { benchConfig, BENCH_ADMIN, call, caughtUp, ok, signIn, startPlatform, userToken } from '../support/platform';
import { profileInProcess } from '../support/profile';
import { interleave } from '../support/stats';
import { removeDir, tempDir } from '../support/temp';
import { benchTree, launchCampaign, ROOT_UNIT } from './world';

export interface HttpOptions {
  readonly rounds: number;
  readonly seed: number;
  readonly seconds: number;
  readonly concurrency: number[];
  readonly units: number;
  /** Signed-in users the commands are spread over. */
  readonly users: number;
  readonly profile: boolean;
  readonly log: (line: string) => void;
}

const ms = (x: number) => Math.round(x * 100) / 100;

/**
 * HTTP commands against the same app's GET /health, at several concurrency levels. The app runs
 * in this process on a free loopback port; autocannon runs in a child process. Every command is a
 * valid, distinct one: POST participation for a unit of a campaign launched for that round (so
 * streams stay as short as in real use), a different body and its own Idempotency-Key each time.
 */
export async function benchHttp(o: HttpOptions): Promise<SectionResult> {
  const started = performance.now();
  const dataDir = tempDir('http');
  const platform = await startPlatform(benchConfig(dataDir));
  const { baseUrl } = platform;
  const client = new LoadClient();
  try {
    const admin = await signIn(baseUrl, BENCH_ADMIN.username, BENCH_ADMIN.password);
    const { rows, branchIds } = benchTree(o.units);
    await ok(baseUrl, '/api/organizations/import', { units: rows }, admin);
    // Many users, as in real use: the write rate limit and its bookkeeping are per user.
    const offices: string[] = [];
    for (let u = 0; u < o.users; u += 8) {
      const ids = Array.from({ length: Math.min(8, o.users - u) }, (_, k) => `bench-office-${u + k}`);
      offices.push(...(await Promise.all(ids.map((id) => userToken(baseUrl, admin, id, 'office', [ROOT_UNIT])))));
    }
    const office = offices[0];
    await caughtUp(baseUrl);
    o.log(`  app on ${baseUrl}; ${branchIds.length} branches; ${offices.length} users (role office, scope the whole tree)`);

    let campaigns = 0;
    const byLevel: Record<number, { command: LoadResult[]; health: LoadResult[] }> = {};
    const problems: string[] = [];
    for (const connections of o.concurrency) {
      const level = (byLevel[connections] = { command: [] as LoadResult[], health: [] as LoadResult[] });
      o.log(`  ${connections} concurrent client(s), ${o.seconds} s per run`);
      await interleave(
        [
          {
            key: 'command',
            run: async (round) => {
              const campaignId = `bench-c${connections}-r${round < 0 ? 'w' : round + 1}`;
              await launchCampaign(baseUrl, admin, campaignId, branchIds);
              campaigns++;
              await caughtUp(baseUrl);
              const r = await client.run({ kind: 'participation', baseUrl, tokens: offices, campaignId, unitIds: branchIds, connections, seconds: o.seconds, tag: campaignId });
              if (r.non2xx > 0 || r.errors > 0) problems.push(`${campaignId}: ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)}), ${r.errors} errors`);
              // The projections catch up before the next run, so each run starts from the same quiet app.
              await caughtUp(baseUrl);
              if (round >= 0) level.command.push(r);
              return r.rps;
            },
          },
          {
            key: 'health',
            run: async (round) => {
              const r = await client.run({ kind: 'get', baseUrl, token: office, paths: ['/health'], connections, seconds: o.seconds });
              if (r.non2xx > 0 || r.errors > 0) problems.push(`health: ${r.non2xx} non-2xx, ${r.errors} errors`);
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
      o.log(`  profiling the app during one extra command run at ${connections} clients (not timed)`);
      const campaignId = 'bench-profile';
      await launchCampaign(baseUrl, admin, campaignId, branchIds);
      await caughtUp(baseUrl);
      const { summary } = await profileInProcess(`HTTP commands (POST participation), ${connections} clients: the app process`, async () => {
        const r = await client.run({ kind: 'participation', baseUrl, tokens: offices, campaignId, unitIds: branchIds, connections, seconds: o.seconds, tag: campaignId });
        await caughtUp(baseUrl);
        return r;
      });
      profiles.push(summary);
    }
    const head = await call<{ eventStore: { headPosition: number } }>(baseUrl, 'GET', '/health');

    const comparisons = o.concurrency.flatMap((c) => {
      const l = byLevel[c];
      const pick = (rs: LoadResult[], f: (r: LoadResult) => number) => rs.map(f);
      return [
        compare(`${c} client${c > 1 ? 's' : ''}: throughput`, 'req/s', { label: 'POST participation', samples: pick(l.command, (r) => r.rps) }, { label: 'GET /health', samples: pick(l.health, (r) => r.rps) }, null),
        compare(`${c} client${c > 1 ? 's' : ''}: p50 latency`, 'ms', { label: 'POST participation', samples: pick(l.command, (r) => r.latencyMs.p50) }, { label: 'GET /health', samples: pick(l.health, (r) => r.latencyMs.p50) }, null),
        compare(`${c} client${c > 1 ? 's' : ''}: p99 latency`, 'ms', { label: 'POST participation', samples: pick(l.command, (r) => r.latencyMs.p99) }, { label: 'GET /health', samples: pick(l.health, (r) => r.latencyMs.p99) }, null),
      ];
    });
    const totalCommands = Object.values(byLevel).reduce((n, l) => n + l.command.reduce((m, r) => m + r.ok, 0), 0);
    return {
      key: 'http',
      title: '3. HTTP commands',
      setup: [
        `The whole platform in the bench process (Nest + Express, every module, event store with WAL + synchronous=FULL, read store WAL + NORMAL, the projection runner live), listening on a free loopback port; autocannon 9 in a child process, ${o.seconds} s per run, keep-alive connections, 1 pipelined request each.`,
        `Command: POST /api/campaigns/:c/units/:u/participation as ${offices.length} signed-in office users taken in turn (bearer tokens; the write limit is per user and set out of the way), cycling over ${branchIds.length} branches of a campaign launched for that run; each request has its own body and Idempotency-Key, so every one is a distinct valid command: validation, access check, idempotency lookup, stream load, decide, append (group commit), and the projections (progress board, audit trail) applying it in the same process. Reference: GET /health of the same app (routing, guards, JSON), interleaved run by run.`,
        `Before each command run the campaign is launched and the projections caught up; after it they catch up again (untimed), so every run starts from the same quiet app. ${o.rounds} rounds per level after one dropped warm-up round, order alternating. Ratio = command / health. autocannon records latencies in whole milliseconds (<1 = under a millisecond; no ratio then).`,
      ],
      comparisons,
      notes: problems.length > 0 ? [`Requests that did not answer 2xx: ${problems.join('; ')}`] : [`All ${totalCommands.toLocaleString('en-US')} measured commands answered 201; event store head at the end: ${head.body.eventStore.headPosition.toLocaleString('en-US')} (${campaigns} campaigns launched).`],
      profiles,
      raw: {
        units: branchIds.length,
        users: offices.length,
        byLevel: Object.fromEntries(
          Object.entries(byLevel).map(([c, l]) => [
            c,
            {
              command: l.command.map((r) => ({ rps: ms(r.rps), ok: r.ok, non2xx: r.non2xx, latencyMs: r.latencyMs })),
              health: l.health.map((r) => ({ rps: ms(r.rps), ok: r.ok, non2xx: r.non2xx, latencyMs: r.latencyMs })),
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
