import fc from 'fast-check';
import { HANDLINGS, PROBLEM_STATUSES, ProblemStatus } from '@platform/domain';
import { LedgerPart, LedgerProblemDoc } from '../rectification-tracker/rectification-ledger.documents';
import { listKeyOf, runningDeadlineOf, urgencyKeyOf } from '../rectification-tracker/running-deadline';
import { BRANCHES, CAMPAIGN } from './view-fixtures';

/** Ledger documents of random shape, for property tests of the tracker's queries. */
export const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2026, 2, 1) + n * 86_400_000).toISOString().slice(0, 10));
const part = fc.record({ deadline: day, closed: fc.boolean() });
export const problem = fc.record({
  status: fc.constantFrom<ProblemStatus>(...PROBLEM_STATUSES),
  deadline: fc.option(day, { nil: null }),
  parts: fc.array(part, { maxLength: 3 }),
  unitId: fc.constantFrom(...BRANCHES),
  handling: fc.constantFrom(...HANDLINGS),
  /** Parts kept after the joint handling ended. */
  keepsParts: fc.boolean(),
});

export type ProblemShape = typeof problem extends fc.Arbitrary<infer T> ? T : never;

export function ledgerDoc(i: number, p: ProblemShape): LedgerProblemDoc {
  const problemId = `p-${String(i).padStart(3, '0')}`;
  const parts: LedgerPart[] = p.parts.map((x, j) => ({ partId: `${j}`, unitId: p.unitId, description: '部分', deadline: x.deadline, closed: x.closed }));
  const joint = (p.status === 'joint' || p.keepsParts) && parts.length ? { coordinatorUnitId: 'town-1', parts } : null;
  const deadlines = { status: p.status, deadline: p.deadline, joint };
  return {
    _id: problemId,
    problemId,
    campaignId: CAMPAIGN,
    campaignIds: [CAMPAIGN],
    responsibleUnitId: p.unitId,
    unitIds: [p.unitId],
    source: 'democratic_appraisal',
    category: 'work_style',
    description: '问题',
    responsibleLeader: null,
    handler: null,
    cycle: 1,
    status: p.status,
    handling: p.handling,
    handlingV1: p.handling,
    underSupervision: false,
    supervision: null,
    timing: null,
    measures: [],
    deadline: p.deadline,
    runningDeadline: runningDeadlineOf(deadlines),
    urgencyKey: urgencyKeyOf(deadlines),
    listKey: listKeyOf(urgencyKeyOf(deadlines), problemId),
    published: false,
    deferral: null,
    joint,
    rechecks: [],
    discoveredAt: '2026-02-01',
    registeredAt: '2026-02-01T00:00:00.000Z',
    fixedAt: null,
    verifiedAt: null,
    verifiedDeadline: null,
    closedAt: null,
    closedDeadline: null,
    lastChangedAt: '2026-02-01T00:00:00.000Z',
  };
}

