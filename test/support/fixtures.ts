import { LAUNCH_CAMPAIGN_EXAMPLE } from '@platform/campaigns';
import { REGISTER_PROBLEM_EXAMPLE } from '@platform/rectification';
import type { Headers, TestPlatform } from './test-platform';

/** A 400's field errors, as the API names them. */
export type FieldError = { field: string; rule: string; message: string };
export const fieldsOf = (body: { errors?: FieldError[] }) => (body.errors ?? []).map((e) => e.field);
export const rulesOf = (body: { errors?: FieldError[] }) => (body.errors ?? []).map((e) => `${e.field}:${e.rule}`);

/** The advanced-education template's three phases, planned over the first four months of 2026 as the documented launch example plans them. */
export const EDUCATION_PHASES = LAUNCH_CAMPAIGN_EXAMPLE.plannedPhases;

/** A township (t1) of two village branches under the city: enough for one unit inside a scope and one outside. */
export const TOWNSHIP_TREE = [
  { unitId: 'city', name: '常德市', level: 'city', unitType: 'agency' },
  { unitId: 't1', name: '河洑镇', level: 'township', unitType: 'rural', parentId: 'city' },
  { unitId: 'b1', name: '一村党支部', level: 'branch', unitType: 'rural', parentId: 't1', memberCount: 30 },
  { unitId: 'b2', name: '二村党支部', level: 'branch', unitType: 'rural', parentId: 't1', memberCount: 20 },
];

/** A city, county c1 and township t1 with two rural village branches (v1, v2): the start of the assessment tests' trees. */
export const VILLAGES_OF_T1 = [
  { unitId: 'city', name: '市', level: 'city', unitType: 'agency' },
  { unitId: 'c1', name: '武陵区', level: 'county', unitType: 'agency', parentId: 'city' },
  { unitId: 't1', name: '河洑镇', level: 'township', unitType: 'rural', parentId: 'c1' },
  { unitId: 'v1', name: '桃花村党支部', level: 'branch', unitType: 'rural', parentId: 't1', memberCount: 30 },
  { unitId: 'v2', name: '柳叶村党支部', level: 'branch', unitType: 'rural', parentId: 't1', memberCount: 25 },
];

/** The launch body of advanced-education campaign c1 over the given units; `over` changes any other field. */
export const educationCampaign = (units: { subtreeRootId: string } | { unitIds: string[] }, over: object = {}) => ({
  campaignId: 'c1',
  name: '先进性教育活动',
  templateKey: 'advanced-education',
  batch: 3,
  ...units,
  plannedPhases: EDUCATION_PHASES,
  ...over,
});

/** The documented registration example as problem `problemId` of `campaignId` in `responsibleUnitId`, described shorter; `over` changes any other field. */
export const problemRegistration = (problemId: string, campaignId: string, responsibleUnitId: string, over: object = {}) => ({
  ...REGISTER_PROBLEM_EXAMPLE,
  problemId,
  campaignId,
  responsibleUnitId,
  description: '服务群众不及时',
  ...over,
});

/** The people a welfare problem names, with their accounts: the public pages must never show them. */
export const WELFARE_PEOPLE = { responsibleLeader: { name: '张建国', userId: 'u-zhang' }, handler: { name: '李小梅', userId: 'u-li' } };

/** Problem `problemId` of c1 in branch b1 as the masses reported it (低保评定不公开); `over` changes any field. */
export const welfareProblem = (problemId: string, over: object = {}) =>
  problemRegistration(problemId, 'c1', 'b1', { source: 'masses_report', category: '惠民政策', description: '低保评定不公开', ...WELFARE_PEOPLE, discoveredAt: '2026-03-20', ...over });

/** TOWNSHIP_TREE imported and campaign c1 launched over both branches, by an office user of the whole city. */
export async function townshipCampaign(p: TestPlatform): Promise<Headers> {
  const office = await p.signIn('office-1', 'office', ['city']);
  await p.http().post('/api/organizations/import').set(await p.signIn('admin-1', 'admin')).send({ units: TOWNSHIP_TREE }).expect(201);
  await p.http().post('/api/campaigns').set(office).send(educationCampaign({ unitIds: ['b1', 'b2'] })).expect(201);
  return office;
}

/** A county town with three village branches, as the organization import takes it (CSV rows, header first). */
export const TOWN_TREE_CSV_ROWS = [
  '编码,名称,层级,类型,上级编码,党员数',
  'city,常德市,市,机关,,0',
  'county-1,鼎城区,区县(市),机关,city,0',
  'town-1,石门桥镇,乡镇/街道,农村,county-1,0',
  'b1,一村党支部,党支部,农村,town-1,31',
  'b2,二村党支部,党支部,农村,town-1,24',
  'b3,三村党支部,党支部,农村,town-1,19',
];
