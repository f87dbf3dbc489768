import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { DemoCityMarker, generateCity, inspectDemoCity, MAIN_CAMPAIGN_ID } from '@platform/demo-data';

/**
 * `npm run demo`: the city of seed 004 — ~2,300 party organizations in ~150 county-level units,
 * a second-batch campaign seven months in, ~25,000 problems, 80,000 ballots — generated once into
 * DEMO_DATA_DIR (default ./data-demo), then the platform started on it as `npm start` starts it.
 *
 * DEMO_SEED (default 2005), DEMO_SCALE (default 1; 0.05 is a quick small city) and DEMO_NOW (the
 * city's present, default the time of generation) choose the city. A directory that already holds
 * the city of that seed and scale is used as it is. DEMO_GENERATE_ONLY=1 stops after generating.
 */
async function main(): Promise<void> {
  const dataDir = resolve(process.env.DEMO_DATA_DIR || './data-demo');
  const seedText = process.env.DEMO_SEED || '2005';
  const seed = /^\d+$/.test(seedText) ? Number(seedText) : seedText;
  const scale = Number(process.env.DEMO_SCALE || '1');
  if (!(scale > 0 && scale <= 2)) throw new Error(`DEMO_SCALE must be a number in (0, 2], got "${process.env.DEMO_SCALE}"`);

  const status = inspectDemoCity(dataDir, seed, scale);
  let marker: DemoCityMarker;
  switch (status.status) {
    case 'ready':
      marker = status.marker;
      console.log(`演示城市已就绪 (demo city found) in ${dataDir}: seed ${marker.seedInput}, scale ${marker.scale}, ${marker.events} events generated for ${marker.now}`);
      break;
    case 'absent':
      marker = await generate(dataDir, seed, scale);
      break;
    case 'different':
      throw new Error(
        `${dataDir} holds the demo city of seed ${status.marker.seedInput} at scale ${status.marker.scale}, not seed ${seedText} at scale ${scale}. ` +
          'Remove the directory, or set DEMO_DATA_DIR (or DEMO_SEED/DEMO_SCALE to match).',
      );
    default:
      throw new Error(`${status.reason}. Choose another DEMO_DATA_DIR, or remove the directory to generate the city again.`);
  }
  printCity(marker, dataDir);
  if (process.env.DEMO_GENERATE_ONLY === '1') return;
  await startPlatform(dataDir);
}

async function generate(dataDir: string, seed: number | string, scale: number): Promise<DemoCityMarker> {
  console.log(`生成演示城市 (generating the demo city) into ${dataDir}: seed ${seed}, scale ${scale}`);
  const bar = new SingleBar(
    {
      format: '生成演示城市 |{bar}| {percentage}% | {value}/{total} 项操作 requests | {events} 个事件 events | {date}',
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let started = false;
  const result = await generateCity({
    dataDir,
    seed,
    scale,
    now: process.env.DEMO_NOW || undefined,
    onProgress: (p) => {
      if (p.phase !== 'writing') return;
      const payload = { events: p.events, date: new Date(p.at).toISOString().slice(0, 10) };
      if (!started) {
        bar.start(p.total, p.done, payload);
        started = true;
      } else bar.update(p.done, payload);
    },
  });
  if (started) {
    bar.update(result.actions, { events: result.marker.events, date: result.marker.now.slice(0, 10) });
    bar.stop();
  }
  console.log(`完成 (done): ${result.actions} requests decided, ${result.marker.events} events written in ${(result.durationMs / 1000).toFixed(1)} s`);
  return result.marker;
}

function printCity(m: DemoCityMarker, dataDir: string): void {
  const s = m.summary;
  const main = s.campaigns[MAIN_CAMPAIGN_ID];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log('');
  console.log(`演示城市 demo city (${dataDir})`);
  console.log(`  组织 ${s.organizations.total} (基层党组织 ${Object.values(s.organizations.grassrootsByType).reduce((a, b) => a + b, 0)}), 党员 ${s.organizations.members}`);
  console.log(`  活动 ${MAIN_CAMPAIGN_ID}: ${main.enrolled} 个单位 — ${Object.entries(main.byStage).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  参学率 ${pct(s.participation.rate)}，查找党员 ${s.locatedMembers} 名`);
  console.log(`  问题 ${s.problems.total}: ${Object.entries(s.problems.byHandling).map(([k, v]) => `${k} ${v}`).join(', ')}; 回头看复查 ${s.problems.rechecked}，反弹 ${s.problems.rebounded}`);
  console.log(`  满意度测评票 ${s.satisfaction.ballots}，满意率 ${pct(s.satisfaction.rate)}，补课单位 ${s.satisfaction.makeUp}`);
  console.log('');
  console.log('演示账号 demo accounts — 密码公开，仅供演示，切勿存放真实数据 (DEMO ONLY: these passwords are public)');
  const width = Math.max(...m.credentials.map((c) => c.username.length));
  for (const c of m.credentials) console.log(`  ${c.role.padEnd(9)} ${c.username.padEnd(width)}  ${c.password.padEnd(20)} ${c.who}`);
  console.log('  every unit has a liaison: op-<unit id in lower case>; leaders leader-001…; groups sg-01…, rg-01, rg-02 (same password per role)');
  console.log('');
}

/** As `npm start` does: the built entry point, with DATA_DIR pointing at the demo city. */
function startPlatform(dataDir: string): Promise<void> {
  const compiled = join(__dirname, 'main.js');
  const args = existsSync(compiled) ? [compiled] : ['-r', '@swc-node/register', join(__dirname, 'main.ts')];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, DATA_DIR: dataDir } });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  return new Promise((resolvePromise) =>
    child.on('exit', (code, signal) => {
      process.exitCode = code ?? (signal ? 0 : 1);
      resolvePromise();
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
