import { isDeepStrictEqual } from 'node:util';
import {
  CampaignEvent,
  classifyHandling,
  evolveDecisionState,
  initialProblemState,
  involvedUnitIds,
  OrganizationEvent,
  PROBLEM_EVENT_TYPES,
  ProblemEvent,
  ProblemState,
  underSupervision,
} from '@platform/domain';
import type { StoredEvent } from '@platform/event-store';
import { Projection, ProjectionContext, ProjectionWrite, upsert } from '@platform/read-models';
import {
  LEDGER_CAMPAIGNS,
  LEDGER_PROBLEM_STATES,
  LEDGER_PROBLEMS,
  LedgerCampaignDoc,
  LedgerProblemDoc,
  LedgerProblemStateDoc,
} from './rectification-ledger.documents';
import { listKeyOf, runningDeadlineOf, urgencyKeyOf } from './running-deadline';
import { LEDGER_UNIT_TALLIES, retally, UnitTallyDoc } from './unit-tallies';
import { ORGANIZATION_SHAPE_EVENTS, reshapeTree, rollUpChanges } from '../shared/subtree-sums';
import { LEDGER_NODE_TALLIES, LEDGER_TREE, NODE_TALLIES } from './node-tallies';

type LedgerEvent = Extract<CampaignEvent, { type: 'CampaignLaunched' }> | ProblemEvent | Extract<OrganizationEvent, { type: (typeof ORGANIZATION_SHAPE_EVENTS)[number] }>;

type Timing = Pick<LedgerProblemDoc, 'fixedAt' | 'verifiedAt' | 'verifiedDeadline' | 'closedAt' | 'closedDeadline'>;

const NO_TIMING: Timing = { fixedAt: null, verifiedAt: null, verifiedDeadline: null, closedAt: null, closedDeadline: null };

const timingOf = (d: LedgerProblemDoc): Timing => ({
  fixedAt: d.fixedAt,
  verifiedAt: d.verifiedAt,
  verifiedDeadline: d.verifiedDeadline,
  closedAt: d.closedAt,
  closedDeadline: d.closedDeadline,
});

/** The dates the metrics need, which the domain state does not keep: when each step happened. */
function timingAfter(previous: Timing, before: ProblemState, e: ProblemEvent, at: string): Timing {
  switch (e.type) {
    case 'FixClaimed':
      return { ...previous, fixedAt: at };
    case 'FixRejected':
      return { ...previous, fixedAt: null };
    case 'FixVerified':
      return { ...previous, verifiedAt: at, verifiedDeadline: before.current.plan?.deadline ?? null };
    case 'ProblemClosed':
      return { ...previous, closedAt: at, closedDeadline: e.data.deadline };
    case 'ProblemRebounded':
      return NO_TIMING;
    default:
      return previous;
  }
}

function ledgerDocOf(s: ProblemState, campaignIds: string[], timing: Timing, registeredAt: string, lastChangedAt: string): LedgerProblemDoc {
  const c = s.current;
  const deferral = c.status === 'deferred' ? c.deferrals[c.deferrals.length - 1] : undefined;
  const deadline = c.plan?.deadline ?? null;
  const joint = c.joint
    ? {
        coordinatorUnitId: c.joint.coordinatorUnitId,
        parts: c.joint.parts.map((p) => ({ partId: p.partId, unitId: p.unitId, description: p.description, deadline: p.deadline, closed: p.closed })),
      }
    : null;
  const deadlines = { status: s.status, deadline, joint };
  const lastNote = c.supervision[c.supervision.length - 1];
  return {
    _id: s.problemId,
    problemId: s.problemId,
    campaignId: s.campaignId,
    campaignIds,
    responsibleUnitId: s.responsibleUnitId,
    unitIds: involvedUnitIds(s),
    source: s.source!,
    category: s.category,
    description: s.description,
    responsibleLeader: s.people?.responsibleLeader.name ?? null,
    handler: s.people?.handler.name ?? null,
    cycle: c.number,
    status: s.status,
    handling: s.handling,
    handlingV1: classifyHandling(c, 1),
    underSupervision: underSupervision(c),
    supervision: lastNote
      ? { notes: c.supervision.length, last: { finding: lastNote.finding, demand: lastNote.demand, dueBy: lastNote.dueBy, notedBy: lastNote.notedBy, at: lastNote.at } }
      : null,
    timing: c.plan?.timing ?? null,
    measures: [...(c.plan?.measures ?? [])],
    deadline,
    runningDeadline: runningDeadlineOf(deadlines),
    urgencyKey: urgencyKeyOf(deadlines),
    listKey: listKeyOf(urgencyKeyOf(deadlines), s.problemId),
    published: c.published,
    deferral: deferral ? { constraint: deferral.constraint, reReviewDate: deferral.reReviewDate } : null,
    joint,
    rechecks: s.rechecks.map((r) => ({ lookBackCampaignId: r.lookBackCampaignId, cycle: r.cycle, outcome: r.outcome })),
    discoveredAt: s.discoveredAt,
    registeredAt,
    ...timing,
    lastChangedAt,
  };
}

/**
 * The record as it stood when nothing it holds changed but the time (a progress note without a
 * file, a deadline warning): its write is then left out, with its version and index entries. At
 * city scale those were about a quarter of the problem events, and each rewrote the problem's
 * row and its ten expression indexes for a timestamp.
 */
function keptUnlessChanged(current: LedgerProblemDoc, next: LedgerProblemDoc): LedgerProblemDoc {
  // Compared as values: serializing both (the batch serializes what it writes anyway) cost twice as much.
  return isDeepStrictEqual({ ...next, lastChangedAt: current.lastChangedAt }, current) ? current : next;
}

async function changed(
  ctx: ProjectionContext,
  before: LedgerProblemDoc | null,
  after: LedgerProblemDoc,
  state: ProblemState,
): Promise<ProjectionWrite[]> {
  const tallies = new Map<string, UnitTallyDoc | null>();
  for (const p of [before, after]) {
    for (const c of [...(p?.campaignIds ?? []), ...(p?.rechecks.map((r) => r.lookBackCampaignId) ?? [])]) {
      const id = `${c}.${after.responsibleUnitId}`;
      if (!tallies.has(id)) tallies.set(id, await ctx.get<UnitTallyDoc>(LEDGER_UNIT_TALLIES, id));
    }
  }
  const retallied = retally(before, after, (id) => tallies.get(id) ?? null);
  const stateDoc: LedgerProblemStateDoc = { _id: after._id, state };
  const rolledUp = await rollUpChanges(
    ctx,
    NODE_TALLIES,
    retallied.map(({ tally, delta }) => ({ unitId: tally.unitId, campaignId: tally.campaignId, delta })),
  );
  return [upsert(LEDGER_PROBLEMS, after), upsert(LEDGER_PROBLEM_STATES, stateDoc), ...retallied.map(({ tally }) => upsert(LEDGER_UNIT_TALLIES, tally)), ...rolledUp];
}

/**
 * 整改台账: one document per problem (its current cycle, the dates metrics need, the decision
 * state), the warning thresholds of each campaign, and each unit's tally per campaign for the
 * board (kept by subtracting what a problem counted before an event and adding what it counts
 * after), rolled up to every tree node above the unit (ledger_node_tallies), so a whole-city
 * summary reads a node's document instead of summing every unit. Warning levels depend on the day a view is asked for, so the queries compute them, from
 * each problem's running deadline.
 */
export const rectificationLedgerProjection: Projection<LedgerEvent['data']> = {
  name: 'rectification-ledger',
  version: 7,
  collections: [LEDGER_CAMPAIGNS, LEDGER_PROBLEMS, LEDGER_PROBLEM_STATES, LEDGER_UNIT_TALLIES, LEDGER_NODE_TALLIES, LEDGER_TREE],
  // What the views read; the problems' decision states (evolveDecisionState) are the projection's own memory.
  versioned: [LEDGER_CAMPAIGNS, LEDGER_PROBLEMS, LEDGER_UNIT_TALLIES],
  handles: ['CampaignLaunched', ...PROBLEM_EVENT_TYPES, ...ORGANIZATION_SHAPE_EVENTS],
  indexes: {
    [LEDGER_PROBLEMS]: {
      campaignIds: 'array',
      unitIds: 'array',
      responsibleUnitId: 'scalar',
      status: 'scalar',
      handling: 'scalar',
      underSupervision: 'scalar',
      source: 'scalar',
      runningDeadline: 'scalar',
      urgencyKey: 'scalar',
      listKey: 'scalar',
      // A page of one status in list order, and one status within a range of running deadlines
      // (closed problems, most of a city's, sit at the end of the list order).
      'status,listKey': 'scalar',
      'status,runningDeadline': 'scalar',
    },
    // The live summary pages the units with problems in id order and counts them in SQL.
    [LEDGER_UNIT_TALLIES]: { campaignId: 'scalar', unitId: 'scalar', 'tracker.total': 'scalar', 'campaignId,unitId': 'scalar' },
    [LEDGER_NODE_TALLIES]: { campaignId: 'scalar', nodeId: 'scalar' },
  },
  async evolve(stored: StoredEvent, ctx) {
    const e = stored as unknown as LedgerEvent;
    const at = stored.occurredAt;
    if (e.type === 'UnitCreated' || e.type === 'UnitMoved') return reshapeTree(ctx, NODE_TALLIES, e);
    if (e.type === 'CampaignLaunched') {
      const d = e.data;
      const doc: LedgerCampaignDoc = {
        _id: d.campaignId,
        campaignId: d.campaignId,
        name: d.name,
        parentCampaignId: d.parentCampaignId,
        warningThresholds: d.warningThresholds,
      };
      return [upsert(LEDGER_CAMPAIGNS, doc)];
    }
    if (e.type === 'ProblemRegistered') {
      if (await ctx.get<LedgerProblemDoc>(LEDGER_PROBLEMS, e.data.problemId)) return [];
      const s = evolveDecisionState(initialProblemState(), e);
      return changed(ctx, null, ledgerDocOf(s, [s.campaignId], NO_TIMING, at, at), s);
    }
    // Only a registered problem has a stream the deciders accept commands on.
    const before = (await ctx.get<LedgerProblemStateDoc>(LEDGER_PROBLEM_STATES, e.data.problemId))?.state;
    if (!before) return [];
    const s = evolveDecisionState(before, e);
    // The state itself: a plain note on a problem under way. The record is made of the state, the
    // campaigns and the step dates, which only other events move, so the record, the tallies and the
    // tree above stay as stored — left unread, where retallying read them and every document was
    // serialized again to be found the same.
    if (s === before) return [];
    const current = await ctx.get<LedgerProblemDoc>(LEDGER_PROBLEMS, e.data.problemId);
    if (!current) return [];
    const campaignIds =
      e.type === 'ProblemRebounded' && !current.campaignIds.includes(e.data.lookBackCampaignId)
        ? [...current.campaignIds, e.data.lookBackCampaignId]
        : current.campaignIds;
    const after = keptUnlessChanged(current, ledgerDocOf(s, campaignIds, timingAfter(timingOf(current), before, e, at), current.registeredAt, at));
    return changed(ctx, current, after, s);
  },
};
