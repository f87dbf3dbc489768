import { AccessRule } from '@platform/common';
import { INSIDE, OUTSIDE, ROLES_UNDER_TEST, RoleUnderTest, startAccessPlatform } from './support/access-world';
import { untilFirstEvent } from './support/event-stream';
import { RouteInfo } from './support/routes';
import { Headers, TestPlatform } from './support/test-platform';

/**
 * The body fields a route's rule reads to find its units; everything else in the body is left
 * out, so a request the guard lets through stops at validation (400) and writes nothing.
 */
const SCOPE_BODIES: Record<string, { inside: object; outside: object }> = {
  'POST /api/organizations': { inside: { parentId: 'ta' }, outside: { parentId: 'tb' } },
  'POST /api/organizations/:unitId/move': { inside: { parentId: 'ta' }, outside: { parentId: 'tb' } },
  'POST /api/campaigns': { inside: { unitIds: ['ba'] }, outside: { unitIds: ['bb'] } },
  'POST /api/campaigns/:campaignId/enrollments': { inside: { unitIds: ['ba'] }, outside: { unitIds: ['bb'] } },
  'POST /api/problems': { inside: { responsibleUnitId: 'ba' }, outside: { responsibleUnitId: 'bb' } },
  'POST /api/assessments': { inside: { unitIds: ['ba'] }, outside: { unitIds: ['bb'] } },
  'POST /api/key-tasks/:taskId/parts': { inside: { parts: [{ unitId: 'ba', responsible: '张书记' }] }, outside: { parts: [{ unitId: 'bb', responsible: '张书记' }] } },
  'POST /api/instructions': { inside: { addressedUnitIds: ['ba'] }, outside: { addressedUnitIds: ['bb'] } },
};

type Expected = 'allowed' | 401 | 403 | 404;

/** What the declared rule promises for this role, inside or outside its scope. */
function expectedFor(rule: AccessRule, role: RoleUnderTest, where: 'inside' | 'outside'): Expected {
  if (role === 'anonymous') return rule.roles.includes('public') ? 'allowed' : 401;
  if (!rule.roles.includes(role)) return 403;
  if (!rule.units || where === 'inside' || role === 'admin') return 'allowed';
  return rule.mode === 'read' ? 404 : 403;
}

function pathFor(route: RouteInfo, where: 'inside' | 'outside'): string {
  const params: Record<string, string> = where === 'inside' ? INSIDE : OUTSIDE;
  return route.path.replace(/:([A-Za-z0-9]+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`access matrix: no fixture value for :${name} in ${route.key}`);
    return params[name];
  });
}

describe('access matrix: every endpoint × every role × inside / outside scope', () => {
  let p: TestPlatform;
  let users: Record<RoleUnderTest, Headers>;
  let routes: RouteInfo[];

  beforeAll(async () => ({ p, users, routes } = await startAccessPlatform()));
  afterAll(async () => p.close());

  it('finds a declared access rule on every route', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !r.rule).map((r) => r.key)).toEqual([]);
    expect(Object.keys(SCOPE_BODIES).filter((k) => !routes.some((r) => r.key === k))).toEqual([]);
  });

  it('answers every call as its rule says', async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const route of routes) {
      const rule = route.rule as AccessRule;
      const wheres: ('inside' | 'outside')[] = rule.units ? ['inside', 'outside'] : ['inside'];
      for (const role of ROLES_UNDER_TEST) {
        for (const where of wheres) {
          const expected = expectedFor(rule, role, where);
          const body = SCOPE_BODIES[route.key]?.[where] ?? {};
          const path = pathFor(route, where);
          const req = route.method === 'GET' ? p.http().get(path) : p.http().post(path).send(body);
          const res = await req.set(users[role]).parse(untilFirstEvent);
          calls++;
          const ok = expected === 'allowed' ? ![401, 403, 404].includes(res.status) && res.status < 500 : res.status === expected;
          if (!ok) mismatches.push(`${route.key} as ${role} ${where}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(300);
  });
});
