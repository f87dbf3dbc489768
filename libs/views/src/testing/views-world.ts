import { EVENT_STORE, EventStore } from '@platform/event-store';
import ExcelJS from 'exceljs';
import type { INestApplication } from '@nestjs/common';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { appendGiven } from './append-given';
import { BRANCHES, CAMPAIGN, STUDY_STEPS, TREE } from './view-fixtures';

export type Headers = Record<string, string>;

/** What the views' e2e specs need of test/support/test-platform (kept structural: libs never import test/). */
export interface PlatformLike {
  app: INestApplication;
  http(): TestAgent;
  signIn(userId: string, role: string, scopeUnitIds?: string[]): Promise<Headers>;
}

export interface ViewsWorld {
  admin: Headers;
  office: Headers;
  /** Inspector of the rural township town-2 only. */
  inspector: Headers;
  /** Operator of branch-1. */
  operator: Headers;
  /** Leader of county-1. */
  leader: Headers;
  events: EventStore;
}

export async function expectStatus(res: Promise<Response> | Response, status: number): Promise<Response> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body).slice(0, 400)}`);
  return r;
}

export const PLAN = [
  { phaseKey: 'study', start: '2026-01-05', end: '2026-02-10' },
  { phaseKey: 'analysis', start: '2026-02-11', end: '2026-03-20' },
  { phaseKey: 'rectification', start: '2026-03-21', end: '2026-04-30' },
];

/** The specs' small city over HTTP, campaign xjx-2 over its four branches, and the usual staff. */
export async function buildViewsWorld(p: PlatformLike): Promise<ViewsWorld> {
  const admin = await p.signIn('admin-1', 'admin');
  const units = TREE.map(([unitId, name, level, unitType, parentId]) => ({
    unitId,
    name,
    level,
    unitType,
    ...(parentId ? { parentId } : {}),
    memberCount: level === 'branch' ? 30 : 0,
  }));
  await expectStatus(p.http().post('/api/organizations/import').set(admin).send({ units }), 201);
  const office = await p.signIn('office-city', 'office', ['city']);
  await expectStatus(
    p
      .http()
      .post('/api/campaigns')
      .set(office)
      .send({ campaignId: CAMPAIGN, name: '第二批先进性教育活动', templateKey: 'advanced-education', batch: 2, unitIds: BRANCHES, plannedPhases: PLAN }),
    201,
  );
  return {
    admin,
    office,
    inspector: await p.signIn('insp-town2', 'inspector', ['town-2']),
    operator: await p.signIn('op-branch1', 'operator', ['branch-1']),
    leader: await p.signIn('leader-county1', 'leader', ['county-1']),
    events: p.app.get<EventStore>(EVENT_STORE),
  };
}

/** A unit's study-phase work over HTTP, as its operator records it. */
export async function recordStudy(p: PlatformLike, operator: Headers, unitId: string, steps = STUDY_STEPS, participation?: object): Promise<void> {
  const base = `/api/campaigns/${CAMPAIGN}/units/${unitId}`;
  if (participation) await expectStatus(p.http().post(`${base}/participation`).set(operator).send(participation), 201);
  for (const stepKey of steps) {
    const quantity = stepKey === 'centralized_study' ? 40 : stepKey === 'locating_members' ? 2 : undefined;
    await expectStatus(p.http().post(`${base}/steps`).set(operator).send({ phaseKey: 'study', stepKey, quantity, evidence: `${stepKey} 记录` }), 201);
  }
}

/** Domain events straight into the store, for ledger states the HTTP scenario does not need to walk through. */
export const appendEvents = appendGiven;

export const isoDay = (offsetDays: number, from = new Date()): string => new Date(from.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Downloads an XLSX export and opens it with exceljs, as an office's spreadsheet program would. */
export async function fetchWorkbook(p: PlatformLike, path: string, headers: Headers): Promise<{ res: Response; book: ExcelJS.Workbook }> {
  const res = await p
    .http()
    .get(path)
    .set(headers)
    .buffer(true)
    .parse((stream, done) => {
      const chunks: Buffer[] = [];
      const incoming = stream as unknown as NodeJS.ReadableStream;
      incoming.on('data', (c: Buffer) => chunks.push(c));
      incoming.on('end', () => done(null, Buffer.concat(chunks)));
    });
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${String(res.body)}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as Parameters<ExcelJS.Xlsx['load']>[0]);
  return { res, book };
}
