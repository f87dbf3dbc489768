import { EVENT_STORE, EventStore } from '@platform/event-store';
import fc from 'fast-check';
import { INSIDE, RoleUnderTest, startAccessPlatform } from './support/access-world';
import { untilFirstEvent } from './support/event-stream';
import { problemRegistration } from './support/fixtures';
import { RouteInfo } from './support/routes';
import { Headers, TestPlatform } from './support/test-platform';

const FIELD_NAMES = [
  'unitId', 'name', 'level', 'unitType', 'parentId', 'memberCount', 'unitIds', 'subtreeRootId', 'campaignId', 'templateKey',
  'batch', 'plannedPhases', 'phaseKey', 'stepKey', 'evidence', 'quantity', 'occurredAt', 'shouldAttend', 'attended',
  'excused', 'reason', 'summary', 'outcome', 'csv', 'units', 'problemId', 'responsibleUnitId', 'source', 'measures',
  'timing', 'deadline', 'note', 'parts', 'grade', 'counts', 'round', 'username', 'password', 'role', 'scopeUnitIds',
  'refreshToken', '__proto__', 'constructor',
];

/** Query parameters the read routes take, numeric ones first: each is sent with values past any bound. */
const QUERY_NAMES = ['skip', 'limit', 'after', 'until', 'fromRevision', 'metricsVersion', 'asOf', 'root', 'status', 'overdue', 'format', 'kind', 'type'];
const HUGE_NUMBERS = ['99999999999999999999', '9007199254740993', '-1', '1e400', '-0', 'NaN', 'Infinity', '0.5', '0x10', ''];

/** Deeper than any body the platform takes: thousands of levels cost seconds of recursive validation. */
const deepJson = (levels: number, key?: string) =>
  key ? `{${JSON.stringify(key)}:${'['.repeat(levels)}${']'.repeat(levels)}}` : '['.repeat(levels) + ']'.repeat(levels);

/**
 * Well-formed bodies of the routes with required nested objects; the fuzz drops one field at a time,
 * so a handler that reads a nested field the validation let through as undefined is found.
 */
const WELL_FORMED: Record<string, object> = {
  'POST /api/problems/:problemId/defer': {
    constraint: '资金未到位',
    explanation: { text: '已向群众说明', date: '2026-03-01' },
    reReviewDate: '2026-09-01',
    gradualMeasures: ['先行垫付'],
  },
  'POST /api/problems': problemRegistration('prob-fuzz', 'camp-a', 'ba', { source: 'masses_report' }),
  'POST /api/campaigns/:campaignId/units/:unitId/satisfaction/tallies': {
    round: 1,
    tallyId: 'tally-fuzz',
    meeting: '党员群众代表测评会',
    counts: { satisfied: 1, fairly_satisfied: 1, basically_satisfied: 1, dissatisfied: 1 },
  },
  'POST /api/problems/:problemId/escalate': {
    coordinatorUnitId: 'ta',
    reason: '需要综合治理',
    parts: [{ partId: 'part-1', unitId: 'ba', description: '修路', deadline: '2026-06-30' }],
  },
};

const withoutEachField = (b: object) => Object.keys(b).map((k) => Object.fromEntries(Object.entries(b).filter(([key]) => key !== k)));

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

const body = fc.oneof(
  fc.jsonValue(),
  fc.record({ raw: fc.tuple(fc.integer({ min: 33, max: 4000 }), fc.option(fc.constantFrom(...FIELD_NAMES), { nil: undefined })).map(([n, k]) => deepJson(n, k)) }),
  fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }),
  fc.record({ raw: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('{"a":', '[1,2', '{"unitId":"x",}', 'null', '"', '{}}')) }),
);

const segment = fc.oneof(
  fc.constant<string | null>(null),
  fc.string({ maxLength: 80 }).map(encodeURIComponent),
  fc.constantFrom('..', '%E0%A4%A', '%', 'a'.repeat(300), '%2e%2e%2f', '%00', 'x%20y', '-', '_'),
);

const query = fc.dictionary(fc.constantFrom(...QUERY_NAMES), fc.oneof(fc.constantFrom(...HUGE_NUMBERS), printable(20)), { maxKeys: 4 });

const headers = fc.record(
  {
    'if-match': printable(30),
    'idempotency-key': printable(250),
    'x-correlation-id': printable(60),
    'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
  },
  { requiredKeys: [] },
);

function pathWith(route: RouteInfo, replacement: string | null, q: Record<string, string> = {}): string {
  const path = route.path.replace(/:([A-Za-z]+)/g, (_, n: string) => replacement ?? (INSIDE as Record<string, string>)[n]);
  const search = new URLSearchParams(q).toString();
  return search ? `${path}?${search}` : path;
}

type Case = [unknown, string | null, Record<string, string>, Record<string, string>];

/** Shapes that once ended in a 500, tried on every route every run, before the random ones. */
function knownBadCases(route: RouteInfo): Case[] {
  const numeric = QUERY_NAMES.slice(0, 5).map((name): Case => [{}, null, { [name]: HUGE_NUMBERS[0] }, {}]);
  const deep: Case[] = [[{ raw: deepJson(3000) }, null, {}, {}], [{ raw: deepJson(3000, 'username') }, null, {}, {}]];
  const wellFormed = WELL_FORMED[route.key];
  const missing = wellFormed ? withoutEachField(wellFormed).map((b): Case => [b, null, {}, {}]) : [];
  return [...numeric, ...deep, ...missing];
}

describe('malformed input on every endpoint: never a 5xx, never a write', () => {
  let p: TestPlatform;
  let users: Record<RoleUnderTest, Headers>;
  let routes: RouteInfo[];
  beforeAll(async () => ({ p, users, routes } = await startAccessPlatform()));
  afterAll(async () => p.close());

  it.each(['admin', 'office', 'anonymous'] as const)('as %s', async (role) => {
    // The store's head read directly: /health, which reports every projection too, would cost more than the request.
    const events = p.app.get<EventStore>(EVENT_STORE);
    const head = () => events.headPosition();
    const failures: string[] = [];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(body, segment, query, headers, async (b, seg, q, h) => {
          const before = await head();
          const path = pathWith(route, seg, q);
          const raw = typeof b === 'object' && b !== null && !Array.isArray(b) && typeof (b as { raw?: unknown }).raw === 'string';
          // The client sends bytes as given: serializing here keeps client-side errors out of the result.
          const payload = raw ? (b as { raw: string }).raw : (JSON.stringify(b) ?? '');
          const res =
            route.method === 'GET'
              ? await p.http().get(path).set(users[role]).set(h).parse(untilFirstEvent)
              : await p.http().post(path).set(users[role]).set({ 'content-type': 'application/json', ...h }).send(payload);
          const after = await head();
          const ok = res.status < 500 && (res.status < 400 || after === before);
          if (!ok) failures.push(`${route.key} ${path} ${JSON.stringify(b)} ${JSON.stringify(h)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          return ok;
        }),
        { numRuns: 10, examples: knownBadCases(route) },
      ).catch((e: Error) => failures.push(`${route.key}: ${e.message.split('\n').slice(0, 6).join(' | ')}`));
    }
    expect(failures).toEqual([]);
    // The inbox's event stream never ends by itself: its answer is read up to the first event.
  }, 240_000);
});
