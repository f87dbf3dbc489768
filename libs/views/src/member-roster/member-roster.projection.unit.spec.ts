import { Actor, CampaignFacts, findTemplate, memberRosterDecider, MemberRosterEvent, MemberRosterState, rosterCounts } from '@platform/domain';
import { decidedHistory } from '@platform/domain/testing/decided-history';
import { specifyProjection } from '@platform/read-models/testing/projection-specification';
import { MEMBER_ROSTERS, MemberRosterDoc, ROSTER_MEMBERS, ROSTER_PARTICIPATION, RosterMemberDoc } from './member-roster.documents';
import { memberRosterProjection } from './member-roster.projection';

const campaign: CampaignFacts = { campaignId: 'adv', launched: true, enrolled: true, template: findTemplate('advanced-education') };
const liaison: Actor = { userId: 'op-1', role: 'operator', unitId: 'branch-1' };

function history(): { events: MemberRosterEvent[]; state: MemberRosterState } {
  const history = decidedHistory(memberRosterDecider, { actor: liaison, at: '2025-06-01T00:00:00.000Z', unitId: 'branch-1' });
  const run = (fields: Record<string, unknown>) => history.run(fields);
  const row = (memberId: string, name: string, status = '正常', workplace = '') => ({ memberId, name, status, workplace });
  run({ type: 'ImportMembers', rows: [row('m1', '王某'), row('m2', '李某', '流动党员', '深圳'), row('m3', '赵某')] });
  run({ type: 'AddMember', row: row('m4', '钱某某') });
  run({ type: 'RenameMember', memberId: 'm4', name: '钱某' });
  run({ type: 'RecordMemberParticipation', campaign, stepId: 'centralized_study', attended: ['m1', 'm3'], excused: [{ memberId: 'm2', reason: '外出务工' }] });
  run({ type: 'OpenMemberSearch', memberId: 'm3', caseId: 'c-1', lastKnown: '外出务工', lostSince: '2023-05-01' });
  run({ type: 'RecordSearchAttempt', memberId: 'm3', attemptId: 'a-1', on: '2025-06-02', method: '联系家属', result: '无果' });
  run({ type: 'ChangeMemberStatus', memberId: 'm4', to: 'transferred_out', workplace: null, toUnit: '某镇党委', effectiveOn: '2025-06-03', reason: '工作调动' });
  run({ type: 'OpenMemberSearch', memberId: 'm1', caseId: 'c-2', lastKnown: '搬家', lostSince: '2025-01-01' });
  run({ type: 'CloseMemberSearch', memberId: 'm1', outcome: 'found', to: 'mobile', workplace: '长沙', on: '2025-06-05', note: '已联系上' });
  return { events: history.events, state: history.state };
}

describe('member roster projection (党员名册)', () => {
  it('keeps counts apart from names, agreeing with the decider’s own counts', async () => {
    const { events, state } = history();
    const given = specifyProjection(memberRosterProjection).given(events);
    const docs = await given.documents();
    const [rosterDoc] = docs[MEMBER_ROSTERS] as unknown as MemberRosterDoc[];
    const { onRoll, ...counts } = rosterCounts(state);
    expect(rosterDoc).toMatchObject({ counts, onRoll, sought: 1 });
    expect(JSON.stringify(rosterDoc)).not.toMatch(/王某|李某|赵某|钱某/);
    expect(rosterDoc.participation['adv/centralized_study']).toEqual({ attended: 2, excused: 1, expected: 3, rate: 2 / 3 });
    expect(docs[ROSTER_PARTICIPATION]).toEqual([{ _id: 'adv.branch-1', campaignId: 'adv', unitId: 'branch-1', steps: 1, shouldAttend: 4, attended: 2, excused: 1 }]);
    const members = docs[ROSTER_MEMBERS] as unknown as RosterMemberDoc[];
    expect(members.find((m) => m.memberId === 'm4')?.name).toBe('钱某');
    expect(members.find((m) => m.memberId === 'm1')?.closedSearches).toEqual([{ caseId: 'c-2', lostSince: '2025-01-01', lastKnown: '搬家', attempts: [], outcome: 'found', closedOn: '2025-06-05', note: '已联系上' }]);
    expect(members.map((m) => [m.memberId, m.status, m.workplace, m.search?.attempts.length ?? null, m.searchesClosed])).toEqual([
      ['m1', 'mobile', '长沙', null, 1],
      ['m2', 'mobile', '深圳', null, 0],
      ['m3', 'missing', null, 1, 0],
      ['m4', 'transferred_out', null, null, 0],
    ]);
    await given.then(docs);
  });
});
