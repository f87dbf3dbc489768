import { OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateOpenApiDocument } from '../apps/platform/src/generate-openapi';
import { readmeRoutes } from './support/readme-routes';

const ROOT = resolve(__dirname, '..');
/** Served beside the document, not described in it: the document itself and its page. */
const NOT_IN_DOCUMENT = new Set(['GET /api/docs', 'GET /api/docs-json']);

const shape = (path: string) => path.replace(/\{[^}]+\}|:[A-Za-z]+/g, '{}');

describe('the README names only routes that exist', () => {
  let documented: Set<string>;
  let documentedPaths: Set<string>;
  beforeAll(async () => {
    process.env.NODE_ENV = 'test';
    const doc: OpenAPIObject = await generateOpenApiDocument();
    documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        (['get', 'post', 'put', 'patch', 'delete'] as const).filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${shape(path)}`),
      ),
    );
    documentedPaths = new Set(Object.keys(doc.paths).map(shape));
  });

  it('finds every method and path of the README in the OpenAPI document', () => {
    const routes = readmeRoutes(readFileSync(resolve(ROOT, 'README.md'), 'utf8'));
    expect(routes.length).toBeGreaterThan(60);
    const missing = routes
      .filter((r) => !NOT_IN_DOCUMENT.has(`${r.method ?? 'GET'} ${r.path}`))
      .filter((r) => (r.method ? !documented.has(`${r.method} ${shape(r.path)}`) : !documentedPaths.has(shape(r.path))))
      .map((r) => `${r.method ?? '(any)'} ${r.path}  ← README line ${r.line}: ${r.written}`);
    expect(missing).toEqual([]);
  });
});

describe('reading routes out of the README', () => {
  it('expands alternatives, optional parts, parameters and paths relative to the one before', () => {
    const text = [
      '| a | `POST /api/problems/:id/{plan,close}`, `GET /api/organizations[?root=&level=]`, `GET /api/campaigns/:c/board[/export?format=xlsx\\|csv]` |',
      '| b | `GET /api/campaigns/:c/units/:u`, `POST .../steps`, `.../transition-applications`, `.../transition-applications/approve` |',
      '| c | `POST /api/campaigns/:c/units/:u/satisfaction/{rounds,ballots}`, `GET .../satisfaction` |',
      'A file: `apps/web/src/api/view-types.ts`, a query: `/api/audit-trail/checkpoints/verify?checkpoint=`.',
    ].join('\n');
    expect(readmeRoutes(text).map((r) => `${r.method ?? '-'} ${r.path}`)).toEqual([
      'POST /api/problems/:id/plan',
      'POST /api/problems/:id/close',
      'GET /api/organizations',
      'GET /api/campaigns/:c/board',
      'GET /api/campaigns/:c/board/export',
      'GET /api/campaigns/:c/units/:u',
      'POST /api/campaigns/:c/units/:u/steps',
      '- /api/campaigns/:c/units/:u/transition-applications',
      '- /api/campaigns/:c/units/:u/transition-applications/approve',
      'POST /api/campaigns/:c/units/:u/satisfaction/rounds',
      'POST /api/campaigns/:c/units/:u/satisfaction/ballots',
      'GET /api/campaigns/:c/units/:u/satisfaction',
      '- /api/audit-trail/checkpoints/verify',
    ]);
  });
});
