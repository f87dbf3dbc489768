import { MEMBER_ROSTER_EVENT_TYPES, MEMBER_STATUSES, MemberRecord, MemberRosterEvent, MemberStatus, ON_ROLL } from '@platform/domain';
import { DocumentWrite, Projection, ProjectionContext, upsert } from '@platform/read-models';
import { MEMBER_ROSTERS, MemberRosterDoc, ROSTER_MEMBERS, ROSTER_PARTICIPATION, RosterMemberDoc, rosterMemberId, RosterParticipationDoc, StepParticipationFigures } from './member-roster.documents';
import { campaignUnitId } from '../shared/campaign-unit-id';

type Data = MemberRosterEvent['data'];
type Of<T extends MemberRosterEvent['type']> = Extract<MemberRosterEvent, { type: T }>['data'];


async function roster(ctx: ProjectionContext, unitId: string): Promise<MemberRosterDoc> {
  const found = await ctx.get<MemberRosterDoc>(MEMBER_ROSTERS, unitId);
  return found ?? { _id: unitId, unitId, counts: Object.fromEntries(MEMBER_STATUSES.map((s) => [s, 0])) as Record<MemberStatus, number>, onRoll: 0, sought: 0, participation: {} };
}

/** Moves members between statuses in the counts; the counts are what leave the unit. */
function recount(doc: MemberRosterDoc, moves: Array<{ from: MemberStatus | null; to: MemberStatus }>): MemberRosterDoc {
  const counts = { ...doc.counts };
  for (const { from, to } of moves) {
    if (from) counts[from] -= 1;
    counts[to] += 1;
  }
  return { ...doc, counts, onRoll: ON_ROLL.reduce((n, s) => n + counts[s], 0), sought: counts.missing };
}

/** A member's status changing: the unit's counts move with it, and the member's document becomes `changed`. */
async function moved(ctx: ProjectionContext, m: RosterMemberDoc, changed: RosterMemberDoc): Promise<DocumentWrite[]> {
  return [upsert(MEMBER_ROSTERS, recount(await roster(ctx, m.unitId), [{ from: m.status, to: changed.status }])), upsert(ROSTER_MEMBERS, changed)];
}

function newMember(unitId: string, m: MemberRecord): RosterMemberDoc {
  return { _id: rosterMemberId(unitId, m.memberId), unitId, memberId: m.memberId, name: m.name, status: m.status, workplace: m.workplace, toUnit: null, search: null, searchesClosed: 0, closedSearches: [] };
}

/** The campaign's steps recorded in the roster, summed: the board's participation counts for the unit. */
function campaignParticipation(doc: MemberRosterDoc, campaignId: string): RosterParticipationDoc {
  const steps = Object.entries(doc.participation).filter(([key]) => key.startsWith(`${campaignId}/`)).map(([, f]) => f);
  const sum = (pick: (f: StepParticipationFigures) => number) => steps.reduce((n, f) => n + pick(f), 0);
  return {
    _id: campaignUnitId(campaignId, doc.unitId),
    campaignId,
    unitId: doc.unitId,
    steps: steps.length,
    shouldAttend: sum((f) => f.expected + f.excused),
    attended: sum((f) => f.attended),
    excused: sum((f) => f.excused),
  };
}

async function member(ctx: ProjectionContext, unitId: string, memberId: string): Promise<RosterMemberDoc | null> {
  return ctx.get<RosterMemberDoc>(ROSTER_MEMBERS, rosterMemberId(unitId, memberId));
}

/** 党员名册: counts per unit for every view, names apart for the unit and the office. */
export const memberRosterProjection: Projection<Data> = {
  name: 'member-roster',
  version: 1,
  collections: [MEMBER_ROSTERS, ROSTER_MEMBERS, ROSTER_PARTICIPATION],
  // Names are versioned too, so a unit reads its roster as of a past moment like any other view.
  versioned: [MEMBER_ROSTERS, ROSTER_MEMBERS, ROSTER_PARTICIPATION],
  handles: MEMBER_ROSTER_EVENT_TYPES,
  indexes: { [ROSTER_MEMBERS]: { unitId: 'scalar', status: 'scalar' }, [ROSTER_PARTICIPATION]: { campaignId: 'scalar', unitId: 'scalar' } },
  async evolve(e, ctx): Promise<DocumentWrite[]> {
    const unitId = e.data.unitId;
    switch (e.type) {
      case 'MembersImported': {
        const d = e.data as Of<'MembersImported'>;
        const docs = d.members.map((m) => newMember(unitId, m));
        const counts = recount(await roster(ctx, unitId), d.members.map((m) => ({ from: null, to: m.status })));
        return [upsert(MEMBER_ROSTERS, counts), ...docs.map((doc) => upsert(ROSTER_MEMBERS, doc))];
      }
      case 'MemberAdded': {
        const d = e.data as Of<'MemberAdded'>;
        const counts = recount(await roster(ctx, unitId), [{ from: null, to: d.member.status }]);
        return [upsert(MEMBER_ROSTERS, counts), upsert(ROSTER_MEMBERS, newMember(unitId, d.member))];
      }
      case 'MemberRenamed': {
        const d = e.data as Of<'MemberRenamed'>;
        const m = await member(ctx, unitId, d.memberId);
        return m ? [upsert(ROSTER_MEMBERS, { ...m, name: d.name })] : [];
      }
      case 'MemberStatusChanged': {
        const d = e.data as Of<'MemberStatusChanged'>;
        const m = await member(ctx, unitId, d.memberId);
        return m ? moved(ctx, m, { ...m, status: d.to, workplace: d.workplace, toUnit: d.toUnit }) : [];
      }
      case 'MemberSearchOpened': {
        const d = e.data as Of<'MemberSearchOpened'>;
        const m = await member(ctx, unitId, d.memberId);
        return m ? moved(ctx, m, { ...m, status: 'missing', search: { caseId: d.caseId, lostSince: d.lostSince, lastKnown: d.lastKnown, attempts: [] } }) : [];
      }
      case 'MemberSearchAttempted': {
        const d = e.data as Of<'MemberSearchAttempted'>;
        const m = await member(ctx, unitId, d.memberId);
        if (!m?.search) return [];
        const attempt = { attemptId: d.attemptId, on: d.on, method: d.method, result: d.result };
        return [upsert(ROSTER_MEMBERS, { ...m, search: { ...m.search, attempts: [...m.search.attempts, attempt] } })];
      }
      case 'MemberSearchClosed': {
        const d = e.data as Of<'MemberSearchClosed'>;
        const m = await member(ctx, unitId, d.memberId);
        if (!m) return [];
        return moved(ctx, m, {
          ...m,
          status: d.to,
          workplace: d.workplace,
          search: null,
          searchesClosed: m.searchesClosed + 1,
          closedSearches: [...(m.closedSearches ?? []), ...(m.search ? [{ ...m.search, outcome: d.outcome, closedOn: d.on, note: d.note }] : [])],
        });
      }
      case 'MemberParticipationRecorded': {
        const d = e.data as Of<'MemberParticipationRecorded'>;
        const doc = await roster(ctx, unitId);
        const expected = d.onRoll - d.excused.length;
        const figures = { attended: d.attended.length, excused: d.excused.length, expected, rate: expected > 0 ? d.attended.length / expected : null };
        const next = { ...doc, participation: { ...doc.participation, [`${d.campaignId}/${d.stepId}`]: figures } };
        return [upsert(MEMBER_ROSTERS, next), upsert(ROSTER_PARTICIPATION, campaignParticipation(next, d.campaignId))];
      }
      default:
        return [];
    }
  },
};
