import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { CommandMeta, NO_SCOPE, StreamCommandRunner } from '@platform/common';
import { DEFAULT_WARNING_THRESHOLDS, ProblemEvent, problemStreamId } from '@platform/domain';
import { commandStoreOf, EventStore, SqliteEventStore } from '@platform/event-store';
import { OfficeCalendar } from '../office-calendar';
import { RectificationFactsLoader } from '../rectification-facts';
import { ProblemStates } from '../problem-states';
import { DeadlineWarningCheck } from './deadline-warning-check';

const PROBLEM = 'p-1';
const STREAM = problemStreamId(PROBLEM);
const actor = { userId: 'op-1', role: 'operator', unitId: 'b1' };
const meta = (): CommandMeta => ({ actor: { userId: 'system', role: 'admin', unitId: null }, scope: NO_SCOPE, correlationId: randomUUID() });

const history: ProblemEvent[] = [
  {
    type: 'ProblemRegistered',
    data: {
      problemId: PROBLEM,
      campaignId: 'c1',
      source: 'democratic_appraisal',
      category: '作风',
      description: '服务群众不主动',
      responsibleUnitId: 'b1',
      discoveredAt: '2026-03-01',
      people: { responsibleLeader: { name: '张书记', userId: null }, handler: { name: '李经办', userId: null } },
      registeredBy: 'op-1',
    },
  },
  { type: 'RectificationPlanned', data: { problemId: PROBLEM, measures: ['走访'], timing: 'by_deadline', deadline: '2026-04-30', plannedBy: 'op-1' } },
];

/**
 * Holds the first `parties` reads of one stream until all of them have read: every run then
 * decides on the same revision, and all but one must lose the append and decide again.
 */
function racing(store: EventStore, streamId: string, parties: number): EventStore {
  const waiting: (() => void)[] = [];
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'readStream') {
        return async (id: string, options?: object) => {
          const events = await target.readStream(id, options);
          if (id === streamId && waiting.length < parties) {
            await new Promise<void>((resolve) => {
              waiting.push(resolve);
              if (waiting.length === parties) waiting.forEach((r) => r());
            });
          }
          return events;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('DeadlineWarningCheck: each level recorded exactly once', () => {
  let dir: string;
  let store: SqliteEventStore;
  const now = new Date('2026-05-02T02:00:00Z');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warning-check-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), clock: () => now });
    await store.append(
      STREAM,
      history.map((e) => ({ eventId: randomUUID(), type: e.type, data: e.data, occurredAt: '2026-03-02T02:00:00Z', actor, correlationId: 'seed' })),
      'no_stream',
    );
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const checkOn = (s: EventStore) => {
    const runner = new StreamCommandRunner(commandStoreOf(s, store), () => now);
    return new DeadlineWarningCheck(
      runner,
      // The candidate is the one problem, as its stream holds it now.
      { dueOn: async () => [(await new ProblemStates(runner).get(PROBLEM))!] },
      { campaign: async () => ({ warningThresholds: DEFAULT_WARNING_THRESHOLDS }) } as unknown as RectificationFactsLoader,
      { today: () => '2026-05-02' } as OfficeCalendar,
    );
  };
  const warnings = async () => (await store.readStream(STREAM)).filter((e) => e.type === 'DeadlineWarningRaised');

  it('records one red warning when two runs decide on the same revision at once; the loser finds it recorded', async () => {
    const s = racing(store, STREAM, 2);
    const [a, b] = await Promise.all([checkOn(s).run(meta()), checkOn(s).run(meta())]);
    expect([a.due, b.due]).toEqual([1, 1]);
    expect([...a.raised, ...b.raised]).toEqual([expect.objectContaining({ problemId: PROBLEM, level: 'red', daysLeft: -2 })]);
    expect(a.alreadyRecorded + b.alreadyRecorded).toBe(1);
    expect([...a.failed, ...b.failed]).toEqual([]);
    expect((await warnings()).map((e) => (e.data as { level: string }).level)).toEqual(['red']);
  });

  it('writes nothing when run again on the same day', async () => {
    const check = checkOn(store);
    expect((await check.run(meta())).raised).toHaveLength(1);
    const again = await check.run(meta());
    expect([again.due, again.raised.length, again.alreadyRecorded]).toEqual([0, 0, 0]);
    expect(await warnings()).toHaveLength(1);
  });

  it('counts a deadline the problem left after the check read it as no longer due, not as a failure', async () => {
    const runner = new StreamCommandRunner(commandStoreOf(store, store), () => now);
    const check = new DeadlineWarningCheck(
      runner,
      {
        // The candidate as read, then the problem fixed before the check writes.
        dueOn: async () => {
          const read = (await new ProblemStates(runner).get(PROBLEM))!;
          await store.append(STREAM, [{ eventId: randomUUID(), type: 'FixClaimed', data: { problemId: PROBLEM, evidence: '已整改', attachmentRefs: [], claimedBy: 'op-1' }, occurredAt: '2026-05-01T02:00:00Z', actor, correlationId: 'fix' }], 'any');
          return [read];
        },
      },
      { campaign: async () => ({ warningThresholds: DEFAULT_WARNING_THRESHOLDS }) } as unknown as RectificationFactsLoader,
      { today: () => '2026-05-02' } as OfficeCalendar,
    );
    const report = await check.run(meta());
    expect(report).toMatchObject({ due: 1, raised: [], alreadyRecorded: 0, noLongerDue: 1, failed: [] });
    expect(await warnings()).toHaveLength(0);
  });

  it('survives many concurrent runs with one event', async () => {
    const s = racing(store, STREAM, 3);
    const reports = await Promise.all([1, 2, 3].map(() => checkOn(s).run(meta())));
    expect(reports.flatMap((r) => r.raised)).toHaveLength(1);
    expect(reports.reduce((n, r) => n + r.alreadyRecorded, 0)).toBe(2);
    expect(await warnings()).toHaveLength(1);
  });
});
