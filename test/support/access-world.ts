import { EDUCATION_PHASES } from './fixtures';
import { Headers, TestPlatform, TEST_ADMIN } from './test-platform';

export const ROLES_UNDER_TEST = ['admin', 'office', 'operator', 'inspector', 'leader', 'anonymous'] as const;
export type RoleUnderTest = (typeof ROLES_UNDER_TEST)[number];

/**
 * Two halves of a city: every role's scope covers half A (unit ba) and none of half B (unit bb),
 * so each route can be called once inside and once outside the caller's scope.
 */
export const INSIDE = { unitId: 'ba', campaignId: 'camp-a', problemId: 'prob-a', partId: 'part-1', userId: 'target-user', streamId: 'org-ba', noticeId: 'notice-a', instructionId: 'instr-a' };
export const OUTSIDE = { unitId: 'bb', campaignId: 'camp-b', problemId: 'prob-b', partId: 'part-1', userId: 'target-user', streamId: 'org-bb', noticeId: 'notice-b', instructionId: 'instr-b' };

const TREE = [
  { unitId: 'city', name: '市', level: 'city', unitType: 'agency' },
  { unitId: 'ca', name: '甲区', level: 'county', unitType: 'agency', parentId: 'city' },
  { unitId: 'ta', name: '甲镇', level: 'township', unitType: 'rural', parentId: 'ca' },
  { unitId: 'ba', name: '甲村支部', level: 'branch', unitType: 'rural', parentId: 'ta', memberCount: 30 },
  { unitId: 'cb', name: '乙区', level: 'county', unitType: 'agency', parentId: 'city' },
  { unitId: 'tb', name: '乙镇', level: 'township', unitType: 'rural', parentId: 'cb' },
  { unitId: 'bb', name: '乙村支部', level: 'branch', unitType: 'rural', parentId: 'tb', memberCount: 20 },
];

export async function buildAccessWorld(p: TestPlatform): Promise<Record<RoleUnderTest, Headers>> {
  const admin = await p.signIn(TEST_ADMIN.username, 'admin');
  const ok = async (path: string, body: object) => {
    const res = await p.http().post(path).set(admin).send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await ok('/api/organizations/import', { units: TREE });
  for (const [campaignId, unit] of [['camp-a', 'ba'], ['camp-b', 'bb']]) {
    await ok('/api/campaigns', { campaignId, name: campaignId, templateKey: 'advanced-education', batch: 2, unitIds: [unit], plannedPhases: EDUCATION_PHASES });
  }
  const office = await p.signIn('office-m', 'office', ['ca']);
  const officeB = await p.signIn('office-b', 'office', ['cb']);
  for (const [problemId, campaignId, unit] of [['prob-a', 'camp-a', 'ba'], ['prob-b', 'camp-b', 'bb']]) {
    const res = await p.http().post('/api/problems').set(unit === 'ba' ? office : officeB).send({
      problemId,
      campaignId,
      responsibleUnitId: unit,
      source: 'democratic_appraisal',
      category: '作风建设',
      description: '服务群众不及时',
      responsibleLeader: { name: '张三' },
      handler: { name: '李四' },
      discoveredAt: '2026-02-20',
    });
    if (res.status !== 201) throw new Error(`register ${problemId}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  // A published plan, so that the public view of prob-a exists.
  for (const [path, body] of [
    ['/api/problems/prob-a/plan', { measures: ['建立首问负责制'], timing: 'by_deadline', deadline: '2099-06-30' }],
    ['/api/problems/prob-a/publish', {}],
  ] as const) {
    const res = await p.http().post(path).set(office).send(body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const users: Record<RoleUnderTest, Headers> = {
    admin,
    office,
    operator: await p.signIn('operator-m', 'operator', ['ba']),
    inspector: await p.signIn('inspector-m', 'inspector', ['ta']),
    leader: await p.signIn('leader-m', 'leader', ['ca']),
    anonymous: {},
  };
  for (const [campaignId, noticeId] of [['camp-a', 'notice-a'], ['camp-b', 'notice-b']]) {
    await ok(`/api/campaigns/${campaignId}/notices`, { noticeId, title: `${campaignId} 进度通报` });
  }
  for (const [instructionId, problemId, unit] of [['instr-a', 'prob-a', 'ba'], ['instr-b', 'prob-b', 'bb']]) {
    await ok('/api/instructions', { instructionId, targetKind: 'problem', targetId: problemId, text: '请抓紧整改', addressedUnitIds: [unit] });
  }
  await ok('/api/users', { userId: 'target-user', username: 'target-user', displayName: '目标', role: 'operator', scopeUnitIds: ['ba'], password: 'target-password-1' });
  return users;
}
