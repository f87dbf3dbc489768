import { SeededRandom } from '../support/events';
import { benchConfig, BENCH_ADMIN, EDUCATION_PHASES, ok, signIn, startPlatform, userToken } from '../support/platform';

export const ROOT_UNIT = 'bench-city';

/** An organization tree: one city, 4 counties, 5 townships each, `branches` branches spread over them. */
export function benchTree(branches: number): { rows: Record<string, unknown>[]; branchIds: string[] } {
  const rows: Record<string, unknown>[] = [{ unitId: ROOT_UNIT, name: '基准市', level: 'city', unitType: 'agency' }];
  const townships: string[] = [];
  for (let c = 0; c < 4; c++) {
    const county = `bench-c${c}`;
    rows.push({ unitId: county, name: `第${c + 1}区`, level: 'county', unitType: 'agency', parentId: ROOT_UNIT });
    for (let t = 0; t < 5; t++) {
      const township = `${county}-t${t}`;
      townships.push(township);
      rows.push({ unitId: township, name: `第${c + 1}区第${t + 1}镇`, level: 'township', unitType: 'rural', parentId: county });
    }
  }
  const branchIds: string[] = [];
  for (let b = 0; b < branches; b++) {
    const parent = townships[b % townships.length];
    const unitId = `${parent}-b${b}`;
    branchIds.push(unitId);
    rows.push({ unitId, name: `第${b + 1}村党支部`, level: 'branch', unitType: b % 3 === 0 ? 'community' : 'rural', parentId: parent, memberCount: 20 + (b % 40) });
  }
  return { rows, branchIds };
}

export async function launchCampaign(baseUrl: string, token: string, campaignId: string, unitIds: string[]): Promise<void> {
  await ok(baseUrl, '/api/campaigns', { campaignId, name: `基准活动 ${campaignId}`, templateKey: 'advanced-education', batch: 2, unitIds, plannedPhases: EDUCATION_PHASES }, token);
}

/** Runs `fn` over the items with `width` at once. */
export async function pool<T>(items: readonly T[], width: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

/** Registers a problem of the unit, plans and publishes it (so progress may be recorded on it); answers its path. */
export async function publishedProblem(baseUrl: string, office: string, problemId: string, campaignId: string, unitId: string): Promise<string> {
  await ok(baseUrl, '/api/problems', {
    problemId,
    campaignId,
    responsibleUnitId: unitId,
    source: 'democratic_appraisal',
    category: '作风建设',
    description: '服务群众不及时，办事效率不高',
    responsibleLeader: { name: '张三' },
    handler: { name: '李四' },
    discoveredAt: '2026-02-20',
  }, office);
  const p = `/api/problems/${problemId}`;
  await ok(baseUrl, `${p}/plan`, { measures: ['建立首问负责制', '限时办结'], timing: 'by_deadline', deadline: '2099-06-30' }, office);
  await ok(baseUrl, `${p}/publish`, {}, office);
  return p;
}

/**
 * A smaller world built through the HTTP API (used by the rebuild section when the city generator
 * is not available): a tree, a campaign, the study phase's steps and participation of every unit,
 * problems taken through plan, publication, progress, fix, verification and closing.
 */
export async function buildHttpWorld(o: { dataDir: string; seed: number; units: number; problems: number; log: (l: string) => void }): Promise<{ dataDir: string; summary: string }> {
  const platform = await startPlatform(benchConfig(o.dataDir));
  const { baseUrl } = platform;
  try {
    const admin = await signIn(baseUrl, BENCH_ADMIN.username, BENCH_ADMIN.password);
    const { rows, branchIds } = benchTree(o.units);
    await ok(baseUrl, '/api/organizations/import', { units: rows }, admin);
    await launchCampaign(baseUrl, admin, 'bench-world', branchIds);
    const office = await userToken(baseUrl, admin, 'bench-office', 'office', [ROOT_UNIT]);
    const inspector = await userToken(baseUrl, admin, 'bench-inspector', 'inspector', [ROOT_UNIT]);
    const rng = new SeededRandom(o.seed);
    await pool(branchIds, 8, async (unitId) => {
      const unit = `/api/campaigns/bench-world/units/${unitId}`;
      for (const stepKey of ['mobilization_meeting', 'centralized_study']) {
        await ok(baseUrl, `${unit}/steps`, { phaseKey: 'study', stepKey, evidence: '召开动员大会，传达上级精神', quantity: 1 }, office);
      }
      await ok(baseUrl, `${unit}/participation`, { shouldAttend: 30, attended: 25 + rng.int(5), excused: [{ reason: '流动党员', count: 1 }] }, office);
    });
    const problems = Array.from({ length: o.problems }, (_, i) => `bench-p${i}`);
    await pool(problems, 8, async (problemId, i) => {
      const p = await publishedProblem(baseUrl, office, problemId, 'bench-world', branchIds[i % branchIds.length]);
      await ok(baseUrl, `${p}/progress`, { note: '已制定整改措施，正在逐项推进落实' }, office);
      if (i % 2 === 0) {
        await ok(baseUrl, `${p}/claim-fixed`, { evidence: '整改完成，群众满意' }, office);
        await ok(baseUrl, `${p}/accept-fix`, { comment: '验收通过' }, inspector);
        await ok(baseUrl, `${p}/close`, { mechanisms: '建立长效机制' }, office);
      }
    });
    return { dataDir: o.dataDir, summary: `${o.units} branches, ${o.problems} problems` };
  } finally {
    await platform.close();
  }
}
