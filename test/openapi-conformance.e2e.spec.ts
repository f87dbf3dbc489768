import { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { createOpenApiDocument } from '../apps/platform/src/openapi-document';
import { buildAccessWorld, INSIDE, OUTSIDE, RoleUnderTest } from './support/access-world';
import { untilFirstEvent } from './support/event-stream';
import { brokenBody, resolverFor, Schema, valueFor } from './support/schema-arbitrary';
import { Headers, startTestPlatform, TEST_ADMIN, TestPlatform } from './support/test-platform';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface Sent {
  role: RoleUnderTest;
  path: Record<string, string>;
  query: Array<[string, string]>;
  body?: unknown;
  valid: boolean;
}

const METHODS = ['get', 'post'] as const;
// Callers that reach every branch: all-seeing, scoped, the narrowest role, and nobody signed in.
const CALLERS: RoleUnderTest[] = ['admin', 'office', 'operator', 'anonymous'];
// Bounded so that the whole suite stays quick: every operation gets this many valid and as many broken requests.
const RUNS_PER_OPERATION = 12;

/**
 * Ajv 8 is the reference JSON Schema validator (the OpenAPI 3.0 `nullable` keyword included);
 * the document's components are added once, and each answer schema is compiled against them.
 */
function answerValidator(doc: OpenAPIObject): (schema: Schema) => ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema({ $id: 'doc', components: doc.components }, 'doc');
  const cache = new Map<string, ValidateFunction>();
  return (schema) => {
    const key = JSON.stringify(schema);
    if (!cache.has(key)) cache.set(key, ajv.compile(JSON.parse(key.replaceAll('"#/components/', '"doc#/components/')) as object));
    return cache.get(key)!;
  };
}

// Resources of the fixture, in and out of the scoped callers' reach, the root of the tree included.
const RESOURCES: Record<string, string[]> = Object.fromEntries(
  Object.entries(INSIDE).map(([name, id]) => [name, [...new Set([id, (OUTSIDE as Record<string, string>)[name]])]]),
);
RESOURCES.unitId.push('city', 'ta');
RESOURCES.streamId.push('org-city', 'campaign-camp-a', 'problem-prob-a', 'member-roster-ba');
// Query parameters drawn from the fixture as path parameters are: ids by their names, a subtree's root, and
// words the fixture's units and problems contain (a search needs its words to find anything).
const QUERY_RESOURCES: Record<string, string[]> = { ...RESOURCES, root: RESOURCES.unitId, q: ['甲村', '乙镇', '整改'] };
// Mostly the fixture's real resources (so handlers run to the end), sometimes any value the schema allows.
const fromFixture = <T>(values: string[] | undefined, any: fc.Arbitrary<T>): fc.Arbitrary<T | string> =>
  values ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: any }) : any;

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

describe('every operation answers as its OpenAPI document says', () => {
  let p: TestPlatform;
  let users: Record<RoleUnderTest, Headers>;
  let doc: OpenAPIObject;
  let validatorOf: (schema: Schema) => ValidateFunction;
  const operations: Array<{ method: (typeof METHODS)[number]; template: string; op: Operation }> = [];

  beforeAll(async () => {
    p = await startTestPlatform();
    users = await buildAccessWorld(p);
    doc = createOpenApiDocument(p.app);
    validatorOf = answerValidator(doc);
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) if (item[method]) operations.push({ method, template, op: item[method] as unknown as Operation });
    }
  });
  afterAll(async () => p.close());

  it('covers every route the app serves', () => {
    expect(operations.length).toBeGreaterThanOrEqual(75);
    expect(Object.keys(doc.paths).length).toBe(133);
  });

  function requests(op: Operation): fc.Arbitrary<Sent> {
    const resolve = resolverFor((doc.components?.schemas ?? {}) as Record<string, Schema>);
    const params = op.parameters ?? [];
    const pathParams = params.filter((x) => x.in === 'path');
    const queryParams = params.filter((x) => x.in === 'query');
    const path = fc.record(
      Object.fromEntries(
        pathParams.map((x) => [x.name, fromFixture(RESOURCES[x.name] ?? ['x'], valueFor(x.schema, resolve).map(String))]),
      ),
    ) as fc.Arbitrary<Record<string, string>>;
    const query = fc
      .record(Object.fromEntries(queryParams.map((x) => [x.name, fromFixture(QUERY_RESOURCES[x.name], valueFor(x.schema, resolve))])), { requiredKeys: queryParams.filter((x) => x.required).map((x) => x.name) })
      .map((q) => Object.entries(q).flatMap(([k, v]) => (Array.isArray(v) ? v.map((i): [string, string] => [k, String(i)]) : [[k, String(v)] as [string, string]])));
    const bodySchema = op.requestBody?.content['application/json']?.schema;
    const body = bodySchema ? valueFor(bodySchema, resolve) : fc.constant(undefined);
    const valid = fc.record({ role: fc.constantFrom(...CALLERS), path, query, body, valid: fc.constant(true) });

    const broken: fc.Arbitrary<Sent>[] = [];
    if (bodySchema) {
      broken.push(
        fc.tuple(valid, body).chain(([v, b]) =>
          brokenBody(bodySchema, resolve, (b ?? {}) as Record<string, unknown>).map((bad) => ({ ...v, body: bad, valid: false })),
        ),
      );
    }
    if (pathParams.length) {
      broken.push(fc.tuple(valid, fc.constantFrom(...pathParams.map((x) => x.name)), fc.constantFrom('bad id!', '%00', 'a'.repeat(300))).map(([v, name, bad]) => ({ ...v, path: { ...v.path, [name]: bad }, valid: false })));
    }
    // Parameters that 'not valid!' breaks: not a string, or a string its pattern, values or format refuse.
    const breaks = (s: Schema) => s.type !== 'string' || s.enum || s.format || (s.pattern && !new RegExp(s.pattern).test('not valid!'));
    const typed = queryParams.filter((x) => breaks(resolve(x.schema)));
    if (typed.length) {
      broken.push(fc.tuple(valid, fc.constantFrom(...typed.map((x) => x.name))).map(([v, name]) => ({ ...v, query: [...v.query.filter(([k]) => k !== name), [name, 'not valid!']], valid: false })));
    }
    // Only routes that read a query object refuse unknown parameters; the others never look at the query string.
    if (queryParams.length) broken.push(valid.map((v) => ({ ...v, query: [...v.query, ['unexpectedParam', '1']] as Array<[string, string]>, valid: false })));
    return fc.oneof(valid, ...broken);
  }

  /** Deterministic cases beside the random ones: an administrator on each of the fixture's resources, and the documented example body. */
  function examples(op: Operation): Sent[] {
    const pathParams = (op.parameters ?? []).filter((x) => x.in === 'path');
    const requiredQuery = (op.parameters ?? []).filter((x) => x.in === 'query' && x.required && QUERY_RESOURCES[x.name]);
    const example = Object.values(op.requestBody?.content['application/json']?.examples ?? {})[0]?.value;
    const count = Math.max(1, ...pathParams.map((x) => RESOURCES[x.name]?.length ?? 1));
    const cases: Sent[] = Array.from({ length: count }, (_, i) => ({
      role: 'admin' as const,
      path: Object.fromEntries(pathParams.map((x) => [x.name, (RESOURCES[x.name] ?? ['x'])[i % (RESOURCES[x.name] ?? ['x']).length]])),
      query: requiredQuery.map((x): [string, string] => [x.name, QUERY_RESOURCES[x.name][i % QUERY_RESOURCES[x.name].length]]),
      body: op.requestBody ? (example ?? {}) : undefined,
      valid: true,
    }));
    // The documented sign-in example names nobody who exists here; the fixture's administrator does.
    if (op.operationId === 'signIn') cases.push({ role: 'anonymous', path: {}, query: [], body: { ...TEST_ADMIN }, valid: true });
    return cases;
  }

  it('answers only documented statuses, each with a body matching its documented schema, for valid and broken requests', async () => {
    const failures: string[] = [];
    const succeeded = new Set<string>();
    for (const { method, template, op } of operations) {
      await fc.assert(
        fc.asyncProperty(requests(op), async (sent) => {
          const url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(sent.path[name]));
          const search = new URLSearchParams(sent.query).toString();
          let req = p.http()[method](search ? `${url}?${search}` : url).set(users[sent.role]);
          if (sent.body !== undefined) req = req.set('content-type', 'application/json').send(JSON.stringify(sent.body));
          if (op.responses['200']?.content?.['text/event-stream']) req = req.parse(untilFirstEvent);
          const res = await req;
          const where = `${op.operationId} ${method.toUpperCase()} ${url}?${search} as ${sent.role} body ${asText(sent.body)} → ${res.status}`;
          const answer = op.responses[String(res.status)];
          if (!answer) return void failures.push(`${where}: status not documented (${Object.keys(op.responses).join(', ')}) ${asText(res.body)}`);
          if (!sent.valid && res.status < 300) return void failures.push(`${where}: a request outside the schema was accepted`);
          if (res.status < 300) succeeded.add(op.operationId);
          if (!answer.content) return;
          const type = String(res.headers['content-type'] ?? '').split(';')[0];
          const media = answer.content[type];
          if (!media) return void failures.push(`${where}: content type ${type} not documented (${Object.keys(answer.content).join(', ')})`);
          if (!type.includes('json')) return;
          const validate = validatorOf(media.schema);
          if (!validate(res.body)) failures.push(`${where}: body does not match: ${asText(validate.errors?.slice(0, 3))} ${asText(res.body).slice(0, 300)}`);
        }),
        { numRuns: RUNS_PER_OPERATION * 2, seed: 20261202 + operations.indexOf(operations.find((o) => o.op === op)!), examples: examples(op).map((e) => [e]) },
      );
    }
    if (process.env.CONFORMANCE_REPORT) {
      const missed = operations.map((o) => o.op.operationId).filter((id) => !succeeded.has(id));
      require('node:fs').writeFileSync(process.env.CONFORMANCE_REPORT, [...failures, `no success: ${missed.join(' ')}`].join('\n'));
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // Every query's success schema was checked on a real answer, and commands' shared CommandAnswer too.
    const reads = operations.filter((o) => o.method === 'get').map((o) => o.op.operationId);
    expect(reads.filter((id) => !succeeded.has(id))).toEqual([]);
    expect(['recordProgress', 'recordStep', 'signIn', 'importUnits'].filter((id) => !succeeded.has(id))).toEqual([]);
    // Bounded by the number of operations (about 24 requests each), not by a speed target.
  }, 180_000);
});
