import { OpenAPIObject } from '@nestjs/swagger';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateOpenApiDocument } from './generate-openapi';

const ROOT = resolve(__dirname, '../../..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

function operations(doc: OpenAPIObject): Array<{ key: string; path: string; method: string; op: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ key: `${method.toUpperCase()} ${path}`, path, method, op: item[method]! })),
  );
}

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
}

describe('the OpenAPI document', () => {
  let doc: OpenAPIObject;
  let dir: string;
  beforeAll(async () => {
    process.env.NODE_ENV = 'test';
    doc = await generateOpenApiDocument();
    dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes Redocly CLI on its recommended rules (redocly.yaml) with no error and no warning', () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const cli = spawnSync(process.execPath, [join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const report = JSON.parse(cli.stdout) as LintReport;
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('names every operation after its use case and summarises it in Chinese with the English beside', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThanOrEqual(75);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { key, op } of ops) {
      expect({ key, id: /^[a-z][A-Za-z]+$/.test(op.operationId ?? '') }).toEqual({ key, id: true });
      expect({ key, summary: /[\u4e00-\u9fff].* \([A-Za-z][^)]*\)$/.test(op.summary ?? '') }).toEqual({ key, summary: true });
    }
    expect(ids).toEqual(expect.arrayContaining(['recordProgress', 'createUnit', 'launchCampaign', 'signIn', 'getProgressBoard']));
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('declares security per operation: a bearer token except on the public operations', () => {
    const anonymous: string[] = [];
    for (const { key, op } of operations(doc)) {
      const schemes = (op.security ?? []).map((s) => Object.keys(s).join(','));
      // [{}] is the one requirement that asks for nothing: no token needed.
      if (schemes.includes('')) {
        expect({ key, schemes }).toEqual({ key, schemes: [''] });
        anonymous.push(key);
      }
      else expect({ key, schemes }).toEqual({ key, schemes: ['bearer'] });
    }
    expect(anonymous.sort()).toEqual(
      [
        'GET /health',
        'GET /metrics',
        'GET /api/audit-trail/signing-key',
        'GET /api/campaign-templates',
        'GET /api/public/campaigns/{campaignId}/problems',
        'GET /api/public/problems/{problemId}',
        'GET /api/public/problems/{problemId}/files/{sha256}',
        'GET /api/public/campaigns/{campaignId}/units/{unitId}/satisfaction',
        'POST /api/campaigns/{campaignId}/units/{unitId}/satisfaction/ballots',
        'POST /api/auth/sign-in',
        'POST /api/auth/refresh',
        'POST /api/auth/sign-out',
      ].sort(),
    );
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('declares path parameters, request bodies, a success answer and the shared error answers on every operation', () => {
    for (const { key, path, method, op } of operations(doc)) {
      const declared = (op.parameters ?? []).flatMap((p) => ('in' in p && p.in === 'path' ? [p.name] : []));
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect({ key, params: declared.sort() }).toEqual({ key, params: inPath.sort() });
      const statuses = Object.keys(op.responses);
      expect({ key, success: statuses.some((s) => /^2/.test(s)) }).toEqual({ key, success: true });
      for (const status of statuses.filter((s) => /^[45]/.test(s))) {
        const content = (op.responses[status] as { content?: Record<string, { schema: unknown }> }).content ?? {};
        expect({ key, status, types: Object.keys(content) }).toEqual({ key, status, types: ['application/problem+json'] });
        expect(JSON.stringify(content['application/problem+json'].schema)).toContain('#/components/schemas/ErrorAnswer');
      }
      expect({ key, has404: statuses.includes('404') }).toEqual({ key, has404: true });
      if (method === 'post') {
        expect({ key, body: op.requestBody !== undefined }).toEqual({ key, body: true });
        expect({ key, statuses: statuses.filter((s) => ['400', '413', '429'].includes(s)) }).toEqual({ key, statuses: ['400', '413', '429'] });
      }
    }
  });

  it('gives commands their headers, the command answer, 409 and 422 with a code', () => {
    const op = doc.paths['/api/problems/{problemId}/progress'].post!;
    expect((op.parameters ?? []).map((p) => ('name' in p ? p.name : ''))).toEqual(expect.arrayContaining(['problemId', 'If-Match', 'Idempotency-Key']));
    expect(JSON.stringify(op.responses['201'])).toContain('#/components/schemas/CommandAnswer');
    expect(JSON.stringify(op.responses['422'])).toContain('"required":["code"]');
    expect(JSON.stringify(op.responses['400'])).toContain('"required":["errors"]');
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403', '404', '409']));
  });

  it('derives request schemas from the validators: types, bounds, patterns, required fields, no unknown fields', () => {
    const create = doc.components!.schemas!.CreateUnitRequest as Record<string, any>;
    expect(create.required).toEqual(expect.arrayContaining(['unitId', 'name', 'level', 'unitType']));
    expect(create.additionalProperties).toBe(false);
    expect(create.properties.memberCount).toMatchObject({ type: 'integer', minimum: 0 });
    expect(create.properties.unitId.pattern).toBe('^[A-Za-z0-9_-]{1,64}$');
    const list = doc.paths['/api/organizations'].get!.parameters as Array<{ name: string; in: string; schema: Record<string, unknown> }>;
    expect(list.find((p) => p.name === 'level')).toMatchObject({ in: 'query', schema: { enum: expect.arrayContaining(['county']) } });
  });
});
