import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  ASSESSMENT_EVENT_TYPES,
  ASSESSMENT_SCHEME_EVENT_TYPES,
  assessmentDecider,
  assessmentSchemeDecider,
  KEY_TASK_EVENT_TYPES,
  keyTaskDecider,
  campaignDecider,
  DEMONSTRATION_POINT_EVENT_TYPES,
  demonstrationPointDecider,
  Decider,
  DomainEvent,
  fold,
  NOTICE_EVENT_TYPES,
  noticeDecider,
  organizationDecider,
  ORGANIZATION_EVENT_TYPES,
  PROBLEM_EVENT_TYPES,
  problemDecider,
  SATISFACTION_EVENT_TYPES,
  satisfactionDecider,
  UNIT_PROGRESS_EVENT_TYPES,
  unitProgressDecider,
  USER_EVENT_TYPES,
  MEMBER_ROSTER_EVENT_TYPES,
  memberRosterDecider,
  INSTRUCTION_EVENT_TYPES,
  instructionDecider,
  userDecider,
} from '@platform/domain';
import { SqliteEventStore } from '@platform/event-store';
import { EventRow } from '@platform/event-store';
import { Argon2PasswordHasher, SqliteIdentityState } from '@platform/identity';
import { DEMO_PASSWORDS } from './people';
import { generateCity, GeneratedCity, inspectDemoCity, MARKER_FILE } from './generate-city';

const NOW = '2025-06-30T06:00:00.000Z';
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'demo-city-int-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function rows(dataDir: string): EventRow[] {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM events ORDER BY position').all() as EventRow[];
  } finally {
    db.close();
  }
}

const DECIDERS: { prefix: string; decider: Pick<Decider<never, unknown, DomainEvent>, 'evolve' | 'initialState'>; types: readonly string[] }[] = [
  { prefix: 'org-', decider: organizationDecider as never, types: ORGANIZATION_EVENT_TYPES },
  { prefix: 'campaign-', decider: campaignDecider as never, types: ['CampaignLaunched', 'UnitsEnrolled'] },
  { prefix: 'progress-', decider: unitProgressDecider as never, types: UNIT_PROGRESS_EVENT_TYPES },
  { prefix: 'problem-', decider: problemDecider as never, types: PROBLEM_EVENT_TYPES },
  { prefix: 'satisfaction-', decider: satisfactionDecider as never, types: SATISFACTION_EVENT_TYPES },
  { prefix: 'user-', decider: userDecider as never, types: USER_EVENT_TYPES },
  // Scheme streams first: a period's stream id shares their prefix.
  { prefix: 'assessment-scheme-', decider: assessmentSchemeDecider as never, types: ASSESSMENT_SCHEME_EVENT_TYPES },
  { prefix: 'assessment-', decider: assessmentDecider as never, types: ASSESSMENT_EVENT_TYPES },
  { prefix: 'demonstration-point-', decider: demonstrationPointDecider as never, types: DEMONSTRATION_POINT_EVENT_TYPES },
  { prefix: 'member-roster-', decider: memberRosterDecider as never, types: MEMBER_ROSTER_EVENT_TYPES },
  { prefix: 'key-task-', decider: keyTaskDecider as never, types: KEY_TASK_EVENT_TYPES },
  { prefix: 'instruction-', decider: instructionDecider as never, types: INSTRUCTION_EVENT_TYPES },
  { prefix: 'notice-', decider: noticeDecider as never, types: NOTICE_EVENT_TYPES },
];

describe('generateCity', () => {
  let first: GeneratedCity;
  let dirA: string;

  beforeAll(async () => {
    dirA = tempDir();
    first = await generateCity({ dataDir: dirA, seed: 42, scale: 0.02, now: NOW });
  });

  it('gives the same seed the same city, byte for byte: data, times, ids and hashes', async () => {
    const dirB = tempDir();
    const second = await generateCity({ dataDir: dirB, seed: 42, scale: 0.02, now: NOW });
    expect(second.marker.checksum).toBe(first.marker.checksum);
    expect(rows(dirB)).toEqual(rows(dirA));
    const other = await generateCity({ dataDir: tempDir(), seed: 43, scale: 0.02, now: NOW });
    expect(other.marker.checksum).not.toBe(first.marker.checksum);
  });

  it('writes a history that verifies, whose every stream folds through its decider', async () => {
    const all = rows(dirA);
    expect(all.length).toBe(first.marker.events);
    const store = new SqliteEventStore({ file: join(dirA, 'events.sqlite') });
    expect(await store.verifyChain()).toMatchObject({ ok: true, checked: all.length });
    await store.close();

    const byStream = new Map<string, EventRow[]>();
    for (const r of all) byStream.set(r.stream_id, [...(byStream.get(r.stream_id) ?? []), r]);
    for (const [streamId, events] of byStream) {
      expect(events.map((e) => e.stream_revision)).toEqual(events.map((_, i) => i));
      if (streamId.startsWith('username-')) {
        expect(events.map((e) => e.type)).toEqual(['UsernameReserved']);
        continue;
      }
      if (streamId.startsWith('import-')) {
        expect(events.map((e) => e.type).slice(-1)).toEqual(['UnitsImportCompleted']);
        continue;
      }
      const d = DECIDERS.find((x) => streamId.startsWith(x.prefix));
      expect(d).toBeDefined();
      for (const e of events) expect(d!.types).toContain(e.type);
      expect(() => fold(d!.decider, events.map((e) => ({ type: e.type, data: JSON.parse(e.data) })))).not.toThrow();
    }
  });

  it('records every event after it happened, recordedAt in order, and a few entries deliberately backdated', () => {
    const all = rows(dirA);
    let prev = '';
    let backdated = 0;
    for (const r of all) {
      expect(r.recorded_at >= prev).toBe(true);
      prev = r.recorded_at;
      const lag = Date.parse(r.recorded_at) - Date.parse(r.occurred_at);
      expect(lag).toBeGreaterThanOrEqual(0);
      if (lag > 24 * 3_600_000) backdated++;
    }
    expect(backdated).toBeGreaterThan(0);
    expect(backdated).toBeLessThan(all.length * 0.02);
    expect(prev < NOW).toBe(true);
  });

  it('acts only as registered users, the public, or the platform itself', () => {
    const all = rows(dirA);
    const users = new Set(all.filter((r) => r.type === 'UserRegistered').map((r) => (JSON.parse(r.data) as { userId: string }).userId));
    const actors = new Set(all.map((r) => (JSON.parse(r.metadata) as { actor: { userId: string } }).actor.userId));
    for (const a of actors) if (!['system', 'anonymous', 'system-deadline-warnings'].includes(a)) expect(users).toContain(a);
  });

  it('holds the seed 004 city in miniature: every state of units and problems, ballots and participation', () => {
    const s = first.marker.summary;
    expect(Object.keys(s.organizations.grassrootsByType).sort()).toEqual(
      ['agency', 'community', 'enterprise', 'intermediary', 'new_social', 'rural', 'school', 'social_group'],
    );
    expect(s.organizations.members).toBeGreaterThan(first.marker.figures.members * 0.97);
    const stages = s.campaigns['advanced-edu-b2'].byStage;
    for (const k of ['study', 'analysis', 'rectification', 'consolidation', 'concluded']) {
      expect(Object.keys(stages).some((x) => x.startsWith(k))).toBe(true);
    }
    expect(Object.keys(stages).some((x) => x.endsWith(':pending'))).toBe(true);
    expect(Object.keys(stages).some((x) => x.endsWith(':rejected'))).toBe(true);
    expect(Object.keys(s.problems.byHandling).sort()).toEqual(['being_rectified', 'by_deadline', 'deferred', 'joint', 'solved']);
    expect(Object.keys(s.problems.warnings).sort()).toEqual(['green', 'red', 'yellow']);
    expect(s.problems.rechecked).toBeGreaterThan(s.problems.rebounded);
    expect(s.problems.rebounded).toBeGreaterThan(0);
    expect(s.satisfaction.ballots).toBe(first.marker.figures.ballots);
    expect(s.satisfaction.makeUp).toBeGreaterThan(0);
    expect(s.participation.rate).toBeGreaterThan(0.97);
    expect(Object.keys(s.participation.excusedByReason).sort()).toEqual(['因病住院', '外出务工', '年老体弱', '流动党员']);
    expect(s.users).toMatchObject({ admin: 1, inspector: first.marker.figures.supervisionGroups + first.marker.figures.rovingGroups });
  });

  it('publishes the office\'s four 督查通报 over the campaign, each ranking the board as it stood then', () => {
    const all = rows(dirA);
    const notices = all.filter((r) => r.type === 'NoticePublished');
    expect(notices.map((r) => (JSON.parse(r.data) as { title: string }).title.slice(0, 9))).toEqual(
      ['第一次调研督查通报', '第二次调研督查通报', '第三次调研督查通报', '第四次调研督查通报'],
    );
    const office = new Set(all.filter((r) => r.type === 'UserRegistered').map((r) => JSON.parse(r.data) as { userId: string; role: string }).filter((u) => u.role === 'office').map((u) => u.userId));
    let previous = 0;
    for (const r of notices) {
      const n = JSON.parse(r.data) as { campaignId: string; position: number; publishedBy: string; unitIds: string[]; snapshot: { rows: { rank: number; unitId: string }[] } };
      expect(n.campaignId).toBe('advanced-edu-b2');
      expect(office).toContain(n.publishedBy);
      // Published right after what it reflects: the board is every event before the notice.
      expect(n.position).toBe(r.position - 1);
      expect(n.position).toBeGreaterThan(previous);
      previous = n.position;
      expect(n.snapshot.rows.length).toBeGreaterThan(0);
      expect(n.snapshot.rows.map((row) => row.unitId)).toEqual(n.unitIds);
      expect(n.snapshot.rows[0].rank).toBe(1);
    }
    expect(new Set(notices.map((r) => (JSON.parse(r.data) as { snapshotHash: string }).snapshotHash)).size).toBe(4);
  });

  it('stores the demo passwords as argon2 hashes in the identity store', async () => {
    const identity = new SqliteIdentityState(join(dirA, 'identity.sqlite'));
    try {
      const hasher = new Argon2PasswordHasher();
      expect(await hasher.verify((await identity.passwordHash('admin'))!, DEMO_PASSWORDS.admin)).toBe(true);
      expect(await hasher.verify((await identity.passwordHash('sg-01'))!, DEMO_PASSWORDS.inspector)).toBe(true);
      expect(await hasher.verify((await identity.passwordHash('sg-01'))!, DEMO_PASSWORDS.admin)).toBe(false);
    } finally {
      await identity.close();
    }
  });

  it('knows its own directory: ready, different, tampered, foreign, or half written', async () => {
    expect(inspectDemoCity(dirA, 42, 0.02)).toMatchObject({ status: 'ready' });
    expect(inspectDemoCity(dirA, 42, 0.5)).toMatchObject({ status: 'different' });
    expect(inspectDemoCity(tempDir(), 42, 0.02)).toEqual({ status: 'absent' });

    const tampered = tempDir();
    await generateCity({ dataDir: tampered, seed: 42, scale: 0.004, now: NOW });
    const db = new Database(join(tampered, 'events.sqlite'));
    db.prepare("UPDATE events SET hash = 'x' WHERE position = (SELECT max(position) FROM events)").run();
    db.close();
    expect(inspectDemoCity(tampered, 42, 0.004)).toMatchObject({ status: 'corrupt' });

    const foreign = tempDir();
    writeFileSync(join(foreign, 'events.sqlite'), '');
    expect(inspectDemoCity(foreign, 42, 0.004)).toMatchObject({ status: 'foreign' });
    await expect(generateCity({ dataDir: foreign, seed: 42, scale: 0.004, now: NOW })).rejects.toThrow(/already holds/);

    const interrupted = tempDir();
    writeFileSync(join(interrupted, 'demo-city.generating'), '');
    writeFileSync(join(interrupted, 'events.sqlite'), 'half written');
    expect(inspectDemoCity(interrupted, 42, 0.004)).toEqual({ status: 'absent' });
    await generateCity({ dataDir: interrupted, seed: 42, scale: 0.004, now: NOW });
    expect(existsSync(join(interrupted, MARKER_FILE))).toBe(true);
    expect(inspectDemoCity(interrupted, 42, 0.004)).toMatchObject({ status: 'ready' });
  });
});
