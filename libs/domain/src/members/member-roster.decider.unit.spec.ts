import { Actor } from '../shared/actor';
import { DomainRuleError } from '../shared/domain-error';
import { fold } from '../shared/decider';
import { specify } from '../testing/decider-specification';
import { CITY_OFFICE as office, specCommands } from '../testing/spec-commands';
import { MemberImportRow } from './member-import';
import { MemberRosterCommand, memberRosterDecider } from './member-roster.decider';
import { MemberRosterEvent } from './member.events';
import { rosterCounts, rosterParticipation } from './roster-figures';
import { mayReadMemberNames, WITHHELD, withoutMemberNames } from './roster-privacy';
import { findTemplate } from '../campaigns/campaign-template';
import { CampaignFacts } from '../campaigns/unit-progress.decider';

const spec = specify(memberRosterDecider);
const unitId = 'branch-1';
const liaison: Actor = { userId: 'op-1', role: 'operator', unitId };

const command = specCommands<MemberRosterCommand>('2025-06-01T00:00:00.000Z', liaison, { unitId });
const row = (memberId: string, name = '王某', status = '正常', workplace = ''): MemberImportRow => ({ memberId, name, status, workplace });
const importRows = (rows: MemberImportRow[], actor: Actor = liaison) => command({ type: 'ImportMembers', rows }, actor);
const imported: MemberRosterEvent = {
  type: 'MembersImported',
  data: {
    unitId,
    members: [
      { memberId: 'm1', name: '王某', status: 'active', workplace: null },
      { memberId: 'm2', name: '李某', status: 'mobile', workplace: '深圳某电子厂' },
      { memberId: 'm3', name: '赵某', status: 'active', workplace: null },
    ],
    importedBy: 'op-1',
  },
};
const opened: MemberRosterEvent = {
  type: 'MemberSearchOpened',
  data: { unitId, memberId: 'm3', caseId: 'case-1', from: 'active', lastKnown: '2023年外出务工', lostSince: '2023-05-01', openedBy: 'op-1' },
};

const errorsOf = (cmd: MemberRosterCommand, given: MemberRosterEvent[] = []) => {
  try {
    spec.given(given).when(cmd).events();
  } catch (e) {
    return (e as DomainRuleError).details.errors;
  }
  return null;
};

describe('member roster (党员名册)', () => {
  describe('ImportMembers: every row checked, all or nothing', () => {
    it('imports the rows with their status', () =>
      spec.given([]).when(importRows([row('m1'), row('m2', '李某', '流动党员', '深圳某电子厂'), row('m3', '赵某', '')])).then([imported]));

    it('reports every bad row by row number, field and rule, and writes nothing', () => {
      const cmd = importRows([row('m1'), row('m1'), row('m 4', ''), row('m5', '孙某', '流动党员'), row('m6', '周某', '失联'), row('m7', '吴某', '正常', '北京')]);
      spec.given([]).when(cmd).thenRefused('import_rows_invalid');
      expect(errorsOf(cmd)).toEqual([
        { row: 2, field: 'memberId', code: 'member_duplicate', message: '党员编号 m1 在文件中重复' },
        { row: 3, field: 'memberId', code: 'member_id_invalid', message: '党员编号只能包含字母、数字、- 和 _' },
        { row: 3, field: 'name', code: 'name_required', message: '请填写姓名' },
        { row: 4, field: 'workplace', code: 'workplace_required', message: '流动党员须填写流入地或工作单位' },
        { row: 5, field: 'status', code: 'status_invalid', message: '状态应为 正常 或 流动党员（失联、转出、去世另行登记）' },
        { row: 6, field: 'workplace', code: 'workplace_not_expected', message: '只有流动党员填写流入地' },
      ]);
    });

    it('refuses a member already on the roster', () => expect(errorsOf(importRows([row('m1')]), [imported])).toEqual([expect.objectContaining({ row: 1, code: 'member_exists' })]));

    it.each([
      ['rows_required', importRows([])],
      ['not_own_unit', importRows([row('m1')], { userId: 'op-2', role: 'operator', unitId: 'branch-2' })],
      ['role_not_allowed', importRows([row('m1')], { userId: 'l', role: 'leader', unitId })],
    ] as const)('refuses with %s', (code, cmd) => spec.given([]).when(cmd).thenRefused(code));

    it('lets the office keep a roster for the unit', () => expect(spec.given([]).when(importRows([row('m1')], office)).events()).toHaveLength(1));
  });

  describe('AddMember and RenameMember: one member at a time, by the import’s rules', () => {
    const add = (r: MemberImportRow) => command({ type: 'AddMember', row: r });
    const rename = (memberId: string, name: string) => command({ type: 'RenameMember', memberId, name });

    it('adds a member', () =>
      spec.given([imported]).when(add(row('m4', '钱某', '流动党员', '东莞'))).then([
        { type: 'MemberAdded', data: { unitId, member: { memberId: 'm4', name: '钱某', status: 'mobile', workplace: '东莞' }, addedBy: 'op-1' } },
      ]));

    it('corrects a name', () => {
      const renamed: MemberRosterEvent = { type: 'MemberRenamed', data: { unitId, memberId: 'm1', name: '王某某', changedBy: 'op-1' } };
      spec.given([imported]).when(rename('m1', ' 王某某 ')).then([renamed]);
      expect(fold(memberRosterDecider, [imported, renamed]).members.m1.name).toBe('王某某');
    });

    it.each([
      ['member_exists', add(row('m1'))],
      ['member_id_invalid', add(row('m 1'))],
      ['name_required', add(row('m4', ''))],
      ['workplace_required', add(row('m4', '钱某', '流动党员'))],
      ['status_invalid', add(row('m4', '钱某', '失联'))],
      ['member_not_found', rename('m9', '某')],
      ['name_unchanged', rename('m1', '王某')],
      ['name_required', rename('m1', ' ')],
      ['name_too_long', rename('m1', '王'.repeat(51))],
      ['not_own_unit', command({ type: 'AddMember', row: row('m4') }, { userId: 'op-2', role: 'operator', unitId: 'branch-2' })],
    ] as const)('refuses with %s', (code, cmd) => spec.given([imported]).when(cmd).thenRefused(code));
  });

  describe('status changes', () => {
    const change = (memberId: string, to: string, over: Record<string, unknown> = {}) =>
      command({ type: 'ChangeMemberStatus', memberId, to, workplace: null, toUnit: null, effectiveOn: '2025-06-01', reason: '', ...over });

    it('records a member going out to work as 流动党员 with where they work', () =>
      spec.given([imported]).when(change('m1', 'mobile', { workplace: '杭州' })).then([
        { type: 'MemberStatusChanged', data: { unitId, memberId: 'm1', from: 'active', to: 'mobile', workplace: '杭州', toUnit: null, effectiveOn: '2025-06-01', reason: '', changedBy: 'op-1' } },
      ]));

    it('records a transfer with where to and why; the member then leaves the roll', () => {
      const moved: MemberRosterEvent = {
        type: 'MemberStatusChanged',
        data: { unitId, memberId: 'm1', from: 'active', to: 'transferred_out', workplace: null, toUnit: '某县某镇党委', effectiveOn: '2025-06-01', reason: '组织关系转接', changedBy: 'op-1' },
      };
      spec.given([imported]).when(change('m1', 'transferred_out', { toUnit: '某县某镇党委', reason: '组织关系转接' })).then([moved]);
      spec.given([imported, moved]).when(change('m1', 'active')).thenRefused('member_left');
      expect(rosterCounts(fold(memberRosterDecider, [imported, moved]))).toMatchObject({ onRoll: 2, transferred_out: 1 });
    });

    it.each([
      ['member_not_found', [imported], change('m9', 'mobile', { workplace: 'x' })],
      ['workplace_required', [imported], change('m1', 'mobile')],
      ['workplace_not_expected', [imported], change('m2', 'active', { workplace: '杭州' })],
      ['status_unchanged', [imported], change('m1', 'active')],
      ['to_unit_required', [imported], change('m1', 'transferred_out', { reason: 'r' })],
      ['reason_required', [imported], change('m1', 'deceased')],
      ['effective_on_invalid', [imported], change('m1', 'deceased', { reason: 'r', effectiveOn: '六月' })],
      ['member_missing', [imported, opened], change('m3', 'active')],
      ['status_invalid', [imported], change('m1', 'missing')],
    ] as const)('refuses with %s', (code, given, cmd) => spec.given(given).when(cmd).thenRefused(code));
  });

  describe('查找党员: a search case per lost member', () => {
    const open = (over: Record<string, unknown> = {}) => command({ type: 'OpenMemberSearch', memberId: 'm3', caseId: 'case-1', lastKnown: '2023年外出务工', lostSince: '2023-05-01', ...over });
    const attempt = (attemptId = 'a1') => command({ type: 'RecordSearchAttempt', memberId: 'm3', attemptId, on: '2025-06-02', method: '联系家属', result: '家属称在广州' });
    const attempted: MemberRosterEvent = {
      type: 'MemberSearchAttempted',
      data: { unitId, memberId: 'm3', caseId: 'case-1', attemptId: 'a1', on: '2025-06-02', method: '联系家属', result: '家属称在广州', recordedBy: 'op-1' },
    };
    const close = (outcome: string, to: string | null, workplace: string | null = null) =>
      command({ type: 'CloseMemberSearch', memberId: 'm3', outcome, to, workplace, on: '2025-06-10', note: '已取得联系' });

    it('opens a case, records attempts and closes it with the member found as 流动党员', () => {
      spec.given([imported]).when(open()).then([opened]);
      spec.given([imported, opened]).when(attempt()).then([attempted]);
      spec.given([imported, opened, attempted]).when(close('found', 'mobile', '广州')).then([
        { type: 'MemberSearchClosed', data: { unitId, memberId: 'm3', caseId: 'case-1', outcome: 'found', to: 'mobile', workplace: '广州', on: '2025-06-10', note: '已取得联系', closedBy: 'op-1' } },
      ]);
      expect(rosterCounts(fold(memberRosterDecider, [imported, opened]))).toMatchObject({ missing: 1, onRoll: 3 });
    });

    it.each([
      ['member_not_searchable', [imported, opened], open({ caseId: 'case-2' })],
      ['case_id_invalid', [imported], open({ caseId: '查找' })],
      ['last_known_required', [imported], open({ lastKnown: '' })],
      ['lost_since_invalid', [imported], open({ lostSince: '' })],
      ['search_not_open', [imported], attempt()],
      ['attempt_exists', [imported, opened, attempted], attempt('a1')],
      ['found_status_required', [imported, opened], close('found', null)],
      ['found_status_not_expected', [imported, opened], close('deceased', 'active')],
      ['outcome_invalid', [imported, opened], close('gave_up', null)],
      ['workplace_required', [imported, opened], close('found', 'mobile')],
    ] as const)('refuses with %s', (code, given, cmd) => spec.given(given).when(cmd).thenRefused(code));
  });

  describe('participation from the roster', () => {
    const campaign: CampaignFacts = { campaignId: 'adv-2025', launched: true, enrolled: true, template: findTemplate('advanced-education') };
    const record = (attended: string[], excused: { memberId: string; reason: string }[] = [], facts: CampaignFacts = campaign, stepId = 'centralized_study') =>
      command({ type: 'RecordMemberParticipation', campaign: facts, stepId, attended, excused });

    it('counts who took part over who was expected, excused members with their reason left out', () => {
      const events = spec.given([imported]).when(record(['m1', 'm3'], [{ memberId: 'm2', reason: '外出务工' }])).events();
      expect(events[0].data).toMatchObject({ revision: 1, onRoll: 3 });
      expect(rosterParticipation(fold(memberRosterDecider, [imported, ...events]), 'adv-2025', 'centralized_study')).toEqual({
        attended: 2,
        excused: 1,
        expected: 2,
        rate: 1,
        source: 'roster',
      });
      expect(rosterParticipation(fold(memberRosterDecider, [imported]), 'adv-2025', 'centralized_study')).toBeNull();
    });

    it.each([
      ['member_not_on_roll', record(['m9'])],
      ['member_listed_twice', record(['m1'], [{ memberId: 'm1', reason: '病假' }])],
      ['excused_reason_required', record([], [{ memberId: 'm1', reason: '' }])],
      ['step_invalid', record(['m1'], [], campaign, 'no_such_step')],
      ['campaign_not_found', record(['m1'], [], { ...campaign, launched: false, template: null })],
      ['unit_not_enrolled', record(['m1'], [], { ...campaign, enrolled: false })],
    ] as const)('refuses with %s', (code, cmd) => spec.given([imported]).when(cmd).thenRefused(code));
  });

  describe('who reads names', () => {
    it.each([
      [{ userId: 'a', role: 'admin' }, true],
      [office, true],
      [liaison, true],
      [{ userId: 'op-2', role: 'operator', unitId: 'branch-2' }, false],
      [{ userId: 'i', role: 'inspector', unitId: 'county' }, false],
      [{ userId: 'i', role: 'inspector', unitId }, false],
      [{ userId: 'l', role: 'leader', unitId }, true],
      [{ userId: 'l', role: 'leader', unitId: 'county' }, false],
      [null, false],
    ] as const)('%j may read names of branch-1: %s', (actor, may) => expect(mayReadMemberNames(actor as Actor | null, unitId)).toBe(may));

    it('withholds names and describing text from every roster event, keeping ids, statuses and counts', () => {
      const events: MemberRosterEvent[] = [
        imported,
        { type: 'MemberAdded', data: { unitId, member: { memberId: 'm4', name: '钱某', status: 'mobile', workplace: '东莞' }, addedBy: 'op-1' } },
        { type: 'MemberRenamed', data: { unitId, memberId: 'm1', name: '王某某', changedBy: 'op-1' } },
        { type: 'MemberStatusChanged', data: { unitId, memberId: 'm1', from: 'active', to: 'transferred_out', workplace: null, toUnit: '钱某所在镇党委', effectiveOn: '2025-06-01', reason: '随钱某迁居', changedBy: 'op-1' } },
        opened,
        { type: 'MemberSearchAttempted', data: { unitId, memberId: 'm3', caseId: 'case-1', attemptId: 'a1', on: '2025-06-02', method: '联系赵某家属', result: '赵某在广州', recordedBy: 'op-1' } },
        { type: 'MemberSearchClosed', data: { unitId, memberId: 'm3', caseId: 'case-1', outcome: 'found', to: 'mobile', workplace: '广州', on: '2025-06-10', note: '赵某已联系', closedBy: 'op-1' } },
        { type: 'MemberParticipationRecorded', data: { unitId, campaignId: 'c', stepId: 's', revision: 1, onRoll: 3, attended: ['m1'], excused: [{ memberId: 'm2', reason: '李某外出' }], recordedBy: 'op-1' } },
      ];
      const shown = JSON.stringify(events.map((e) => withoutMemberNames(e.type, e.data)));
      expect(shown).not.toMatch(/王某|李某|赵某|钱某|东莞|广州|深圳|外出/);
      expect(shown).toContain(WITHHELD);
      expect(withoutMemberNames('MembersImported', imported.data)).toMatchObject({ members: [{ memberId: 'm1', status: 'active' }, { memberId: 'm2', status: 'mobile' }, { memberId: 'm3' }] });
      expect(withoutMemberNames('ProblemRegistered', { title: 't' })).toEqual({ title: 't' });
    });
  });
});
