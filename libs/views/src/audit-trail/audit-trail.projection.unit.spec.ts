import * as domain from '@platform/domain';
import { specifyProjection } from '@platform/read-models/testing/projection-specification';
import { launched, problem, progress, registered } from '../testing/view-fixtures';
import { AUDIT_BLOCK_SIZE, AUDIT_BLOCKS, AUDIT_EVENTS, AUDIT_STREAM_UNITS } from './audit-trail.documents';
import { AUDITED_EVENT_TYPES, auditTrailProjection } from './audit-trail.projection';
import { EVENT_TYPE_NAMES } from './event-type-names';

describe('audit-trail projection', () => {
  const spec = specifyProjection(auditTrailProjection);

  it('reads every event type the domain defines', () => {
    const lists = Object.entries(domain).filter(([name, v]) => name.endsWith('_EVENT_TYPES') && Array.isArray(v));
    expect(lists.length).toBeGreaterThanOrEqual(6);
    for (const [, types] of lists) expect(AUDITED_EVENT_TYPES).toEqual(expect.arrayContaining(types as string[]));
  });

  it('names every event type it reads in Chinese', () => {
    expect(AUDITED_EVENT_TYPES.filter((t) => !/[\u4e00-\u9fff]/.test(EVENT_TYPE_NAMES[t] ?? ''))).toEqual([]);
  });

  it('shows a key task stream to the units it was decomposed to, and assessment results to the units ranked', async () => {
    const task = (type: string, data: Record<string, unknown>) => ({ type, data: { taskId: 'kt-1', ...data }, streamId: 'key-task-kt-1' });
    const docs = await spec
      .given([
        task('KeyTaskDefined', { title: 't' }),
        task('KeyTaskPartsAssigned', { parts: [{ unitId: 'town-1', responsible: 'r', target: null }, { unitId: 'town-2', responsible: 'r', target: null }] }),
        task('StockTakeScheduled', { stockTakeId: 'st-1' }),
        task('TaskProgressReported', { stockTakeId: 'st-1', unitId: 'town-1' }),
        {
          type: 'AssessmentResultsPublished',
          streamId: 'assessment-p-1',
          data: { periodId: 'p-1', revision: 1, results: [{ unitId: 'town-2', total: 90, grade: '优秀', rank: 1 }] },
        },
      ])
      .documents();
    expect(docs[AUDIT_EVENTS].map((e) => [e.type, e.unitIds])).toEqual([
      ['KeyTaskDefined', []],
      ['KeyTaskPartsAssigned', ['town-1', 'town-2']],
      ['StockTakeScheduled', ['town-1', 'town-2']],
      ['TaskProgressReported', ['town-1', 'town-2']],
      ['AssessmentResultsPublished', ['town-2']],
    ]);
  });

  it('keeps both times, flags an entry recorded more than 24 hours after it says it happened, and names its units', async () => {
    const recorded = '2026-03-10T08:00:00.000Z';
    await spec
      .given([
        { ...launched('c1', ['branch-1', 'branch-2']), recordedAt: '2026-03-01T08:00:00.000Z', occurredAt: '2026-03-01T08:00:00.000Z' },
        {
          ...progress('branch-1', 'ParticipationRecorded', { shouldAttend: 10, attended: 9, excused: [] }, 'c1'),
          occurredAt: '2026-03-09T07:59:00.000Z',
          recordedAt: recorded,
          actor: { userId: 'op-1', role: 'operator', unitId: 'branch-1' },
        },
        {
          ...progress('branch-2', 'StepRecorded', { phaseKey: 'study', stepKey: 'x', evidence: 'e', attachmentRef: null, quantity: null }, 'c1'),
          occurredAt: '2026-03-09T08:00:00.000Z',
          recordedAt: recorded,
        },
        registered('p-1', 'branch-1', 'c1'),
        problem('p-1', 'JointHandlingStarted', {
          coordinatorUnitId: 'town-1',
          reason: 'r',
          parts: [{ partId: 'a', unitId: 'branch-2', description: 'd', deadline: '2026-05-01' }],
          escalatedBy: 'op',
        }),
        problem('p-1', 'PartClosed', { partId: 'a', evidence: 'e', closedBy: 'op-2' }),
      ])
      .documents()
      .then((docs) => {
        const entries = docs[AUDIT_EVENTS];
        expect(entries.map((e) => [e.position, e.type, e.unitIds, e.backdated])).toEqual([
          [1, 'CampaignLaunched', ['branch-1', 'branch-2'], false],
          [2, 'ParticipationRecorded', ['branch-1'], true],
          [3, 'StepRecorded', ['branch-2'], false],
          [4, 'ProblemRegistered', ['branch-1'], false],
          [5, 'JointHandlingStarted', ['branch-1', 'town-1', 'branch-2'], false],
          [6, 'PartClosed', ['branch-1', 'town-1', 'branch-2'], false],
        ]);
        expect(entries[1]).toMatchObject({
          _id: '0000000000000002',
          occurredAt: '2026-03-09T07:59:00.000Z',
          recordedAt: recorded,
          recordedAfterMs: 24 * 3_600_000 + 60_000,
          actor: { userId: 'op-1', role: 'operator', unitId: 'branch-1' },
          streamId: 'progress-c1.branch-1',
        });
        expect(docs[AUDIT_STREAM_UNITS]).toEqual([{ _id: 'problem-p-1', unitIds: ['branch-1', 'town-1', 'branch-2'] }]);
      });
  });

  it('gives the same entries however the runner batches them', async () => {
    const at = (position: number) => new Date(Date.parse('2026-03-01T08:00:00.000Z') + position * 60_000).toISOString();
    const entry = (position: number, streamId: string, type: string, unitIds: string[]) => ({
      _id: String(position).padStart(16, '0'),
      position,
      eventId: `event-${position}`,
      streamId,
      streamRevision: position - 1,
      type,
      schemaVersion: 1,
      occurredAt: at(position),
      recordedAt: at(position),
      recordedAfterMs: 0,
      backdated: false,
      actor: { userId: 'u-test', role: 'operator', unitId: null },
      unitIds,
      correlationId: `corr-${position}`,
      causationId: null,
      hash: '',
    });
    await spec
      .given([launched('c1', ['branch-1']), registered('p-1', 'branch-1', 'c1'), problem('p-1', 'PlanPublished', { publishedBy: 'op' })])
      .then({
        [AUDIT_EVENTS]: [
          entry(1, 'campaign-c1', 'CampaignLaunched', ['branch-1']),
          entry(2, 'problem-p-1', 'ProblemRegistered', ['branch-1']),
          entry(3, 'problem-p-1', 'PlanPublished', ['branch-1']),
        ],
        [AUDIT_STREAM_UNITS]: [{ _id: 'problem-p-1', unitIds: ['branch-1'] }],
        [AUDIT_BLOCKS]: [{ _id: '00000000', first: 0, last: AUDIT_BLOCK_SIZE - 1, occurredMin: at(1), occurredMax: at(3), recordedMin: at(1), recordedMax: at(3) }],
      });
  });

  it('keeps the earliest and latest times of each block of positions, a backdated entry widening its own block', async () => {
    const at = (minute: number) => new Date(Date.parse('2026-03-01T08:00:00.000Z') + minute * 60_000).toISOString();
    const events = Array.from({ length: AUDIT_BLOCK_SIZE + 5 }, (_, i) => {
      const position = i + 1;
      // Position 1002 claims a time a week before it was recorded.
      const occurredAt = position === AUDIT_BLOCK_SIZE + 2 ? at(position - 7 * 24 * 60) : at(position);
      return { ...progress('branch-1', 'StepRecorded', { phaseKey: 'study', stepKey: `s-${position}`, evidence: 'e', attachmentRef: null, quantity: null }, 'c1'), occurredAt, recordedAt: at(position) };
    });
    const docs = await spec.given(events).documents();
    expect(docs[AUDIT_BLOCKS]).toEqual([
      { _id: '00000000', first: 0, last: 999, occurredMin: at(1), occurredMax: at(999), recordedMin: at(1), recordedMax: at(999) },
      { _id: '00000001', first: 1000, last: 1999, occurredMin: at(1002 - 7 * 24 * 60), occurredMax: at(1005), recordedMin: at(1000), recordedMax: at(1005) },
    ]);
  });
});
