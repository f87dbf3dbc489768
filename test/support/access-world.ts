import { createHash } from 'node:crypto';
import { samplePng } from '@platform/blobs';
import { EDUCATION_PHASES, problemRegistration } from './fixtures';
import { discoverRoutes, RouteInfo } from './routes';
import { Headers, startTestPlatform, TestPlatform, TEST_ADMIN } from './test-platform';

export const ROLES_UNDER_TEST = ['admin', 'office', 'operator', 'inspector', 'leader', 'anonymous'] as const;
export type RoleUnderTest = (typeof ROLES_UNDER_TEST)[number];

/**
 * Two halves of a city: every role's scope covers half A (unit ba) and none of half B (unit bb),
 * so each route can be called once inside and once outside the caller's scope.
 */
/** One evidence file, attached to both halves' problems and steps (and public with prob-a's published plan). */
export const EVIDENCE_FILE = samplePng([30, 120, 200]);
const EVIDENCE_SHA = createHash('sha256').update(EVIDENCE_FILE).digest('hex');

export const INSIDE = { unitId: 'ba', campaignId: 'camp-a', problemId: 'prob-a', partId: 'part-1', userId: 'target-user', streamId: 'org-ba', noticeId: 'notice-a', periodId: 'period-a', schemeId: 'scheme-1', appealId: 'appeal-1', memberId: 'member-1', taskId: 'task-a', stockTakeId: 'st-1', sha256: EVIDENCE_SHA, instructionId: 'instr-a' };
export const OUTSIDE = { unitId: 'bb', campaignId: 'camp-b', problemId: 'prob-b', partId: 'part-1', userId: 'target-user', streamId: 'org-bb', noticeId: 'notice-b', periodId: 'period-b', schemeId: 'scheme-1', appealId: 'appeal-1', memberId: 'member-1', taskId: 'task-b', stockTakeId: 'st-1', sha256: EVIDENCE_SHA, instructionId: 'instr-b' };

const TREE = [
  { unitId: 'city', name: '市', level: 'city', unitType: 'agency' },
  { unitId: 'ca', name: '甲区', level: 'county', unitType: 'agency', parentId: 'city' },
  { unitId: 'ta', name: '甲镇', level: 'township', unitType: 'rural', parentId: 'ca' },
  { unitId: 'ba', name: '甲村支部', level: 'branch', unitType: 'rural', parentId: 'ta', memberCount: 30 },
  { unitId: 'cb', name: '乙区', level: 'county', unitType: 'agency', parentId: 'city' },
  { unitId: 'tb', name: '乙镇', level: 'township', unitType: 'rural', parentId: 'cb' },
  { unitId: 'bb', name: '乙村支部', level: 'branch', unitType: 'rural', parentId: 'tb', memberCount: 20 },
];

/** A platform started with the access world built, and every route it serves: what the whole-API suites sweep. */
export async function startAccessPlatform(): Promise<{ p: TestPlatform; users: Record<RoleUnderTest, Headers>; routes: RouteInfo[] }> {
  const p = await startTestPlatform();
  return { p, users: await buildAccessWorld(p), routes: discoverRoutes(p.app) };
}

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
    const res = await p.http().post('/api/problems').set(unit === 'ba' ? office : officeB).send(problemRegistration(problemId, campaignId, unit));
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
  // An assessment period and a recommended demonstration point in each half.
  await ok('/api/assessment-schemes', {
    schemeId: 'scheme-1',
    title: '村党支部书记考核',
    criteria: [{ criterionId: 'duty', title: '履行职责', rule: { kind: 'points', max: 100 } }],
    bands: [{ grade: '合格', minScore: 60 }, { grade: '不合格', minScore: 0 }],
  });
  for (const [periodId, unit] of [['period-a', 'ba'], ['period-b', 'bb']]) {
    await ok('/api/assessments', { periodId, title: periodId, schemeId: 'scheme-1', from: '2026-01-01', to: '2026-12-31', unitIds: [unit] });
    await ok(`/api/demonstration-points/${unit}/recommendation`, { year: 2026, level: 'county', reason: '基础好' });
  }
  for (const [taskId, unitId] of [['task-a', 'ba'], ['task-b', 'bb']]) {
    await ok('/api/key-tasks', { taskId, title: `${taskId} 重点任务`, measuresOfDone: ['达标'], deadline: '2099-12-31' });
    await ok(`/api/key-tasks/${taskId}/parts`, { parts: [{ unitId, responsible: '张书记' }] });
    await ok(`/api/key-tasks/${taskId}/stock-takes`, { stockTakeId: 'st-1', label: '第一次调度', dueOn: '2099-06-30' });
  }
  const upload = await p.http().post('/api/files').set(admin).attach('file', EVIDENCE_FILE, 'evidence.png');
  if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${JSON.stringify(upload.body)}`);
  for (const [problemId, campaignId, unit, who] of [['prob-a', 'camp-a', 'ba', office], ['prob-b', 'camp-b', 'bb', officeB]] as const) {
    for (const [path, body] of [
      // prob-b planned too (never published), so its progress can carry the file.
      ...(problemId === 'prob-b' ? [[`/api/problems/prob-b/plan`, { measures: ['建立首问负责制'], timing: 'by_deadline', deadline: '2099-06-30' }] as const] : []),
      [`/api/problems/${problemId}/progress`, { note: '召开专题会', attachmentRefs: [upload.body.ref] }],
      [`/api/campaigns/${campaignId}/units/${unit}/steps`, { phaseKey: 'study', stepKey: 'mobilization_meeting', evidence: '动员会', attachmentRef: upload.body.ref }],
    ] as const) {
      const res = await p.http().post(path).set(who).send(body);
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  for (const [instructionId, problemId, unit] of [['instr-a', 'prob-a', 'ba'], ['instr-b', 'prob-b', 'bb']]) {
    await ok('/api/instructions', { instructionId, targetKind: 'problem', targetId: problemId, text: '请抓紧整改', addressedUnitIds: [unit] });
  }
  await ok('/api/users', { userId: 'target-user', username: 'target-user', displayName: '目标', role: 'operator', scopeUnitIds: ['ba'], password: 'target-password-1' });
  return users;
}
