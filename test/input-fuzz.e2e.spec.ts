import fc from 'fast-check';
import { buildAccessWorld, INSIDE, RoleUnderTest } from './support/access-world';
import { discoverRoutes, RouteInfo } from './support/routes';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

const FIELD_NAMES = [
  'unitId', 'name', 'level', 'unitType', 'parentId', 'memberCount', 'unitIds', 'subtreeRootId', 'campaignId', 'templateKey',
  'batch', 'plannedPhases', 'phaseKey', 'stepKey', 'evidence', 'quantity', 'occurredAt', 'shouldAttend', 'attended',
  'excused', 'reason', 'summary', 'outcome', 'csv', 'units', 'problemId', 'responsibleUnitId', 'source', 'measures',
  'timing', 'deadline', 'note', 'parts', 'grade', 'counts', 'round', 'username', 'password', 'role', 'scopeUnitIds',
  'refreshToken', '__proto__', 'constructor',
];

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

const body = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }),
  fc.record({ raw: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('{"a":', '[1,2', '{"unitId":"x",}', 'null', '"', '{}}')) }),
);

const segment = fc.oneof(
  fc.constant<string | null>(null),
  fc.string({ maxLength: 80 }).map(encodeURIComponent),
  fc.constantFrom('..', '%E0%A4%A', '%', 'a'.repeat(300), '%2e%2e%2f', '%00', 'x%20y', '-', '_'),
);

const headers = fc.record(
  {
    'if-match': printable(30),
    'idempotency-key': printable(250),
    'x-correlation-id': printable(60),
    'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
  },
  { requiredKeys: [] },
);

function pathWith(route: RouteInfo, replacement: string | null): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, n: string) => replacement ?? (INSIDE as Record<string, string>)[n]);
}

describe('malformed input on every endpoint: never a 5xx, never a write', () => {
  let p: TestPlatform;
  let users: Record<RoleUnderTest, Headers>;
  let routes: RouteInfo[];
  beforeAll(async () => {
    p = await startTestPlatform();
    users = await buildAccessWorld(p);
    routes = discoverRoutes(p.app);
  });
  afterAll(async () => p.close());

  it.each(['admin', 'office', 'anonymous'] as const)('as %s', async (role) => {
    const failures: string[] = [];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(body, segment, headers, async (b, seg, h) => {
          const before = await p.headPosition();
          const path = pathWith(route, seg);
          const raw = typeof b === 'object' && b !== null && !Array.isArray(b) && typeof (b as { raw?: unknown }).raw === 'string';
          // The client sends bytes as given: serializing here keeps client-side errors out of the result.
          const payload = raw ? (b as { raw: string }).raw : (JSON.stringify(b) ?? '');
          const res =
            route.method === 'GET'
              ? await p.http().get(path).set(users[role]).set(h)
              : await p.http().post(path).set(users[role]).set({ 'content-type': 'application/json', ...h }).send(payload);
          const after = await p.headPosition();
          const ok = res.status < 500 && (res.status < 400 || after === before);
          if (!ok) failures.push(`${route.key} ${path} ${JSON.stringify(b)} ${JSON.stringify(h)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          return ok;
        }),
        { numRuns: 10 },
      ).catch((e: Error) => failures.push(`${route.key}: ${e.message.split('\n').slice(0, 6).join(' | ')}`));
    }
    expect(failures).toEqual([]);
  });
});
