import { SqliteEventStore } from '@platform/event-store';
import {
  AnyDocument,
  computeAsOf,
  Projection,
  ProjectionRunner,
  projectionLeasesFor,
  readModelsFile,
  ReadStore,
  rebuildWithProgress,
  SqliteReadStore,
} from '@platform/read-models';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { readBoard } from './progress-board/board-reader';
import { searchTerms } from './search/search-terms';
import { SqliteSearchIndex } from './search/sqlite-search-index';
import { BoardQuery } from './progress-board/board-view';
import { unitFilter } from './shared/view-scope';
import { appendGiven } from './testing/append-given';
import {
  CAMPAIGN,
  grades,
  launched,
  orgEvents,
  planned,
  problem,
  progress,
  registered,
  satisfaction,
  solved,
  step,
  STUDY_STEPS,
  tree,
} from './testing/view-fixtures';
import { VIEW_PROJECTIONS } from './view-projections';
import { rebuildViews } from './rebuild/rebuild-views';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const root = join(__dirname, '..', '..', '..');

async function documents(store: ReadStore, projections: readonly Projection[] = VIEW_PROJECTIONS): Promise<Record<string, AnyDocument[]>> {
  const out: Record<string, AnyDocument[]> = {};
  for (const p of projections) for (const c of p.collections) out[c] = await store.find(c, {}, { sort: { _id: 1 } });
  return out;
}

const FIRST = [
  ...orgEvents(),
  launched(),
  progress('branch-1', 'ParticipationRecorded', { shouldAttend: 40, attended: 36, excused: [{ reason: '流动党员', count: 2 }] }),
  ...STUDY_STEPS.map((s) => step('branch-1', 'study', s)),
  ...solved('p-1', 'branch-1', '2026-04-30', '2026-04-20T09:00:00.000Z'),
  registered('p-2', 'branch-2'),
  planned('p-2', '2026-05-31'),
];

const LATER = [
  step('branch-2', 'study', 'mobilization_meeting'),
  problem('p-2', 'FixClaimed', { evidence: '整改报告', attachmentRefs: [], claimedBy: 'op-2' }),
  problem('p-2', 'FixVerified', { comment: '通过', verifiedBy: 'insp-1' }),
  satisfaction('branch-1', 'SatisfactionRoundOpened', { round: 1, openedBy: 'op-1' }),
  satisfaction('branch-1', 'SatisfactionRoundClosed', { round: 1, counts: grades(9, 0, 0, 1), total: 10, rate: 0.9, threshold: 0.8, passed: true, closedBy: 'op-1' }),
];

const QUERY: BoardQuery = { root: null, unitType: null, phaseKey: null, stage: null, rankBy: 'completionRate', metricsVersion: 1 };

describe('view projections on the embedded stores', () => {
  let dir: string;
  let events: SqliteEventStore;
  let store: SqliteReadStore;
  let runner: ProjectionRunner;
  let clockMs: number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'views-int-'));
    clockMs = Date.parse('2026-03-01T08:00:00.000Z');
    events = new SqliteEventStore({ file: join(dir, 'events.sqlite'), clock: () => new Date((clockMs += 60_000)) });
    store = new SqliteReadStore({ file: readModelsFile(dir) });
    runner = new ProjectionRunner(events, store, VIEW_PROJECTIONS, { pollMs: 20, batchSize: 7, logger: quiet });
    runner.start();
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds from position 0 to exactly the documents built live, and a replay to the head agrees', async () => {
    await appendGiven(events, FIRST);
    await runner.caughtUp();
    await appendGiven(events, LATER);
    await runner.caughtUp();
    const live = await documents(store);
    expect(live.board_units.length).toBe(4);
    expect(live.audit_events.length).toBe(FIRST.length + LATER.length);
    // The full-text index installed, as the platform's start does: the rebuild fills it at its end.
    const index = new SqliteSearchIndex(store.db);
    const found = () =>
      Promise.all(live.search_entries.map((e) => index.matches({ terms: searchTerms(String(e.title)), kind: null, units: { ids: null, visible: () => true }, limit: 100 })));
    const foundLive = await found();
    expect(foundLive.every((ids, i) => ids.includes(String(live.search_entries[i]._id)))).toBe(true);

    const bars = new PassThrough();
    bars.resume();
    const results = await rebuildWithProgress(runner, [], { stream: bars });
    expect(results.map((r) => r.name)).toEqual(VIEW_PROJECTIONS.map((p) => p.name));
    await runner.caughtUp();
    expect(await documents(store)).toEqual(live);
    expect(await found()).toEqual(foundLive);

    const head = await events.headPosition();
    for (const p of VIEW_PROJECTIONS) {
      const replay = await computeAsOf(events, p, { untilPosition: head });
      expect(await documents(replay.store, [p])).toEqual(await documents(store, [p]));
    }
  });

  it('computes the board as of a past position with the same code, unchanged by later events', async () => {
    const at = await appendGiven(events, FIRST);
    await runner.caughtUp();
    const t = tree();
    const filter = unitFilter(t, { all: true, roots: [] }, null);
    const captured = await readBoard(() => store, t, CAMPAIGN, filter, QUERY);

    await appendGiven(events, LATER);
    await runner.caughtUp();
    const now = await readBoard(() => store, t, CAMPAIGN, filter, QUERY);
    expect(now).not.toEqual(captured);

    const board = await computeAsOf(events, runner.projection('progress-board'), { untilPosition: at });
    const ledger = await computeAsOf(events, runner.projection('rectification-ledger'), { untilPosition: at });
    const roster = await computeAsOf(events, runner.projection('member-roster'), { untilPosition: at });
    const stores: Record<string, ReadStore> = { 'progress-board': board.store, 'rectification-ledger': ledger.store, 'member-roster': roster.store };
    expect(await readBoard((p) => stores[p], t, CAMPAIGN, filter, QUERY)).toEqual(captured);
    // The same past under the other definition: v2 counts p-2's verification, v1 does not.
    const v2 = await readBoard((p) => stores[p], t, CAMPAIGN, filter, { ...QUERY, metricsVersion: 2 });
    expect(v2.overall.metrics.completionRate).toBe(captured.overall.metrics.completionRate);
    const laterV1 = await readBoard(() => store, t, CAMPAIGN, filter, QUERY);
    const laterV2 = await readBoard(() => store, t, CAMPAIGN, filter, { ...QUERY, metricsVersion: 2 });
    expect([laterV1.overall.metrics.completionRate, laterV2.overall.metrics.completionRate]).toEqual([0.5, 1]);
  });

  it('rebuilds every view with the ledger in a thread of its own beside the others, to the live documents and search index', async () => {
    await appendGiven(events, [...FIRST, ...LATER]);
    await runner.caughtUp();
    const live = await documents(store);
    const index = new SqliteSearchIndex(store.db);
    const found = () =>
      Promise.all(live.search_entries.map((e) => index.matches({ terms: searchTerms(String(e.title)), kind: null, units: { ids: null, visible: () => true }, limit: 100 })));
    const foundLive = await found();
    await runner.stop();

    const bars = new PassThrough();
    let drawn = '';
    bars.on('data', (chunk: Buffer) => (drawn += chunk.toString()));
    const results = await rebuildViews(dir, [], bars, { pendingMiB: 16, threads: 2, threadFromEvents: 0 });
    expect(results.map((r) => r.name)).toEqual(VIEW_PROJECTIONS.map((p) => p.name));
    const head = await events.headPosition();
    expect(results.every((r) => r.position === head)).toBe(true);
    expect(drawn).toMatch(/rectification-ledger .*100%/);
    expect(drawn).toMatch(/audit-trail .*100%/);
    expect(await documents(store)).toEqual(live);
    expect(await found()).toEqual(foundLive);
  });

  it('refuses to rebuild in two threads while a running platform holds the views, leaving them as they were', async () => {
    await runner.stop();
    const platform = new ProjectionRunner(events, store, VIEW_PROJECTIONS, { pollMs: 20, logger: quiet, lease: { leases: projectionLeasesFor(store), owner: 'platform:1:a' } });
    platform.start();
    try {
      await appendGiven(events, [...FIRST, ...LATER]);
      await platform.caughtUp();
      const live = await documents(store);
      await expect(rebuildViews(dir, [], new PassThrough(), { threads: 2, threadFromEvents: 0 })).rejects.toThrow(/is run by another projector/);
      expect(await documents(store)).toEqual(live);
    } finally {
      await platform.stop();
    }
  });

  // A platform or projector that runs some of the views only: each lane refused in turn, the ledger's thread and this one.
  it.each([
    { held: ['rectification-ledger'], threads: 2 },
    { held: ['audit-trail', 'search'], threads: 2 },
    { held: ['audit-trail'], threads: 1 },
  ])('refuses to rebuild any view in $threads thread(s) while another projector runs $held, naming them, and gives up the leases it took', async ({ held, threads }) => {
    await runner.stop();
    const projector = new ProjectionRunner(events, store, VIEW_PROJECTIONS.filter((p) => held.includes(p.name)), {
      pollMs: 20,
      logger: quiet,
      lease: { leases: projectionLeasesFor(store), owner: 'projector:1:b' },
    });
    projector.start();
    try {
      await appendGiven(events, [...FIRST, ...LATER]);
      await projector.caughtUp();
      // The other views behind it, as a rebuild would find them after they were stopped mid-way.
      const before = await documents(store);
      const refusal = rebuildViews(dir, [], new PassThrough(), { threads, threadFromEvents: 0 });
      await expect(refusal).rejects.toThrow(`projection ${held.join(', ')} ${held.length > 1 ? 'are' : 'is'} run by another projector`);
      expect(await documents(store)).toEqual(before);
      const now = Date.now();
      const leases = await projectionLeasesFor(store).leases();
      expect(leases.filter((l) => l.owner !== 'projector:1:b' && Date.parse(l.expiresAt) > now)).toEqual([]);
      expect(leases.filter((l) => l.owner === 'projector:1:b').map((l) => l.projection).sort()).toEqual([...held].sort());
    } finally {
      await projector.stop();
    }
  });

  it('refuses an unknown view before any thread starts or anything is dropped', async () => {
    await appendGiven(events, FIRST);
    await runner.caughtUp();
    const live = await documents(store);
    await runner.stop();
    await expect(rebuildViews(dir, ['rectification-ledger', 'no-such-view'], new PassThrough(), { threads: 2, threadFromEvents: 0 })).rejects.toThrow('unknown projection(s): no-such-view');
    expect(await documents(store)).toEqual(live);
  });

  it('`npm run rebuild <name>` rebuilds from the command line with a progress bar, to the live documents', async () => {
    await appendGiven(events, [...FIRST, ...LATER]);
    await runner.caughtUp();
    const live = await documents(store);
    await runner.stop();

    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', 'rebuild', '--', 'progress-board', 'audit-trail'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dir },
    });
    expect(stdout).toMatch(/progress-board: rebuilt to position \d+/);
    expect(stdout).toMatch(/audit-trail: rebuilt/);
    expect(stderr).toMatch(/progress-board .*100%/);
    expect(await documents(store)).toEqual(live);
  });
});
