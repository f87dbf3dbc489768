import { CommandContext, hasRole } from '../shared/actor';
import { assertNever, Decider } from '../shared/decider';
import { isIsoDate } from '../shared/dates';
import { refuse } from '../shared/domain-error';
import { checkedText, TextRules } from '../shared/checked-text';
import { UNIT_ID_PATTERN } from '../organizations/organization-types';
import { CampaignFacts } from '../campaigns/unit-progress.decider';
import { MAX_IMPORT_ROWS, MemberImportRow, checkMemberRows } from './member-import';
import { MemberRosterEvent, MemberStatus, SEARCH_OUTCOMES, SearchOutcome } from './member.events';

type Base = CommandContext & { unitId: string };

export type MemberRosterCommand = Base &
  (
    | { type: 'ImportMembers'; rows: MemberImportRow[] }
    | { type: 'AddMember'; row: MemberImportRow }
    | { type: 'RenameMember'; memberId: string; name: string }
    | { type: 'ChangeMemberStatus'; memberId: string; to: 'active' | 'mobile' | 'transferred_out' | 'deceased'; workplace: string | null; toUnit: string | null; effectiveOn: string; reason: string }
    | { type: 'OpenMemberSearch'; memberId: string; caseId: string; lastKnown: string; lostSince: string }
    | { type: 'RecordSearchAttempt'; memberId: string; attemptId: string; on: string; method: string; result: string }
    | { type: 'CloseMemberSearch'; memberId: string; outcome: SearchOutcome; to: 'active' | 'mobile' | null; workplace: string | null; on: string; note: string }
    | { type: 'RecordMemberParticipation'; campaign: CampaignFacts; stepId: string; attended: string[]; excused: { memberId: string; reason: string }[] }
  );

export interface RosterMember {
  readonly memberId: string;
  readonly name: string;
  readonly status: MemberStatus;
  readonly workplace: string | null;
  readonly search: { readonly caseId: string; readonly attemptIds: readonly string[] } | null;
}

export interface StepParticipation {
  readonly revision: number;
  readonly onRoll: number;
  readonly attended: readonly string[];
  readonly excused: readonly { readonly memberId: string; readonly reason: string }[];
}

export interface MemberRosterState {
  readonly members: Readonly<Record<string, RosterMember>>;
  readonly caseIds: Readonly<Record<string, true>>;
  /** Keyed `${campaignId}/${stepId}`. */
  readonly participation: Readonly<Record<string, StepParticipation>>;
}

const initialState = (): MemberRosterState => ({ members: {}, caseIds: {}, participation: {} });

/** In the roster's books: every member not transferred out or deceased, missing ones included. */
export const ON_ROLL: readonly MemberStatus[] = ['active', 'mobile', 'missing'];

/** Roster text keeps line breaks; `max` tightens it for names and places. */
const text = (value: string | null, field: string, name: string, rules: TextRules = {}) => checkedText(value, field, name, { multiline: true, max: 500, ...rules });

function date(value: string, field: string, name: string): string {
  if (!isIsoDate(value)) refuse(`${field}_invalid`, `${name}格式应为 YYYY-MM-DD (${field})`);
  return value.slice(0, 10);
}

/** The roster is kept by the unit's liaison; the office may keep it for them. */
function requireKeeper(c: Base): void {
  if (hasRole(c.actor, 'office', 'admin')) return;
  if (!hasRole(c.actor, 'operator')) refuse('role_not_allowed', '只有本单位联络员或活动办公室可以维护党员名册 (operator or office)');
  if (c.actor.unitId !== c.unitId) refuse('not_own_unit', '只能维护本单位的党员名册 (not own unit)', { unitId: c.unitId });
}

function requireMember(s: MemberRosterState, memberId: string): RosterMember {
  const m = s.members[memberId];
  if (!m) refuse('member_not_found', `名册中没有党员 ${memberId} (member not found)`, { memberId });
  return m;
}

function requireSearch(m: RosterMember): NonNullable<RosterMember['search']> {
  if (m.status !== 'missing' || !m.search) refuse('search_not_open', `党员 ${m.memberId} 没有正在进行的查找 (no open search)`, { memberId: m.memberId });
  return m.search;
}

function decideStatusChange(c: Extract<MemberRosterCommand, { type: 'ChangeMemberStatus' }>, s: MemberRosterState): MemberRosterEvent[] {
  const m = requireMember(s, c.memberId);
  if (m.status === 'missing') refuse('member_missing', '失联党员的状态在查找结案时登记 (close the search instead)', { memberId: c.memberId });
  if (m.status === 'transferred_out' || m.status === 'deceased') refuse('member_left', '该党员已不在本名册 (member left the roster)', { memberId: c.memberId });
  if (!['active', 'mobile', 'transferred_out', 'deceased'].includes(c.to)) refuse('status_invalid', '状态应为 active、mobile、transferred_out 或 deceased (to)');
  const workplace = c.to === 'mobile' ? text(c.workplace, 'workplace', '流入地', { required: true, max: 100 }) : null;
  if (c.to !== 'mobile' && c.workplace) refuse('workplace_not_expected', '只有流动党员填写流入地 (workplace)');
  if (c.to === m.status && workplace === m.workplace) refuse('status_unchanged', '状态没有变化 (status unchanged)');
  let toUnit: string | null = null;
  if (c.to === 'transferred_out') {
    toUnit = text(c.toUnit, 'to_unit', '转往组织', { required: true, max: 100 });
  } else if (c.toUnit) {
    refuse('to_unit_not_expected', '只有转出时填写转往组织 (toUnit)');
  }
  const effectiveOn = date(c.effectiveOn, 'effective_on', '生效日期');
  const reason = text(c.reason, 'reason', '变更原因', { required: c.to === 'transferred_out' || c.to === 'deceased' });
  return [{ type: 'MemberStatusChanged', data: { unitId: c.unitId, memberId: c.memberId, from: m.status, to: c.to, workplace, toUnit, effectiveOn, reason, changedBy: c.actor.userId } }];
}

function decideParticipation(c: Extract<MemberRosterCommand, { type: 'RecordMemberParticipation' }>, s: MemberRosterState): MemberRosterEvent[] {
  if (!c.campaign.launched) refuse('campaign_not_found', `活动 ${c.campaign.campaignId} 不存在 (campaign not found)`);
  if (!c.campaign.enrolled) refuse('unit_not_enrolled', `组织 ${c.unitId} 未参加本活动 (unit not enrolled)`);
  const steps = (c.campaign.template?.phases ?? []).flatMap((p) => p.steps.map((st) => st.key));
  if (!steps.includes(c.stepId)) refuse('step_invalid', `活动模板中没有步骤 ${c.stepId} (stepId)`, { stepId: c.stepId });
  const campaignId = c.campaign.campaignId;
  if (!Array.isArray(c.attended) || !Array.isArray(c.excused)) refuse('participation_invalid', '请列出参加与请假的党员 (attended, excused)');
  const seen = new Set<string>();
  const requireOnRoll = (memberId: string, field: string) => {
    const m = s.members[memberId];
    if (!m || !ON_ROLL.includes(m.status)) refuse('member_not_on_roll', `党员 ${memberId} 不在本单位名册 (${field})`, { memberId });
    if (seen.has(memberId)) refuse('member_listed_twice', `党员 ${memberId} 重复列出 (${field})`, { memberId });
    seen.add(memberId);
  };
  c.attended.forEach((id) => requireOnRoll(id, 'attended'));
  const excused = c.excused.map((e) => {
    requireOnRoll(e.memberId, 'excused');
    return { memberId: e.memberId, reason: text(e.reason, 'excused_reason', '请假事由', { required: true, max: 200 }) };
  });
  const previous = s.participation[`${campaignId}/${c.stepId}`];
  // The roll at the time of recording: members who join or leave later do not change this step's rate.
  const onRoll = Object.values(s.members).filter((m) => ON_ROLL.includes(m.status)).length;
  return [
    {
      type: 'MemberParticipationRecorded',
      data: { unitId: c.unitId, campaignId, stepId: c.stepId, revision: (previous?.revision ?? 0) + 1, onRoll, attended: [...c.attended], excused, recordedBy: c.actor.userId },
    },
  ];
}

function decide(c: MemberRosterCommand, s: MemberRosterState): MemberRosterEvent[] {
  requireKeeper(c);
  switch (c.type) {
    case 'ImportMembers': {
      if (!Array.isArray(c.rows) || c.rows.length === 0) refuse('rows_required', '导入文件没有数据行 (rows)');
      if (c.rows.length > MAX_IMPORT_ROWS) refuse('rows_too_many', `一次最多导入 ${MAX_IMPORT_ROWS} 行 (rows ≤ ${MAX_IMPORT_ROWS})`);
      const { members, errors } = checkMemberRows(c.rows, new Set(Object.keys(s.members)));
      if (errors.length > 0) refuse('import_rows_invalid', `${errors.length} 处错误，未导入任何党员 (nothing imported)`, { errors });
      return [{ type: 'MembersImported', data: { unitId: c.unitId, members, importedBy: c.actor.userId } }];
    }
    case 'AddMember': {
      const { members, errors } = checkMemberRows([c.row], new Set(Object.keys(s.members)));
      // One row: its first error is the refusal, by the same rules as an imported row.
      if (errors.length > 0) refuse(errors[0].code, `${errors[0].message} (${errors[0].field})`, { errors });
      return [{ type: 'MemberAdded', data: { unitId: c.unitId, member: members[0], addedBy: c.actor.userId } }];
    }
    case 'RenameMember': {
      const m = requireMember(s, c.memberId);
      const name = text(c.name, 'name', '姓名', { required: true, multiline: false, max: 50 });
      if (name === m.name) refuse('name_unchanged', '姓名没有变化 (name unchanged)');
      return [{ type: 'MemberRenamed', data: { unitId: c.unitId, memberId: c.memberId, name, changedBy: c.actor.userId } }];
    }
    case 'ChangeMemberStatus':
      return decideStatusChange(c, s);
    case 'OpenMemberSearch': {
      const m = requireMember(s, c.memberId);
      if (m.status !== 'active' && m.status !== 'mobile') refuse('member_not_searchable', `党员 ${c.memberId} 当前状态不能登记失联 (status ${m.status})`, { memberId: c.memberId });
      if (!UNIT_ID_PATTERN.test(c.caseId)) refuse('case_id_invalid', '查找编号只能包含字母、数字、- 和 _ (caseId)');
      if (s.caseIds[c.caseId]) refuse('case_exists', `查找案 ${c.caseId} 已存在 (case exists)`);
      const lastKnown = text(c.lastKnown, 'last_known', '最后联系情况', { required: true });
      const lostSince = date(c.lostSince, 'lost_since', '失联日期');
      return [{ type: 'MemberSearchOpened', data: { unitId: c.unitId, memberId: c.memberId, caseId: c.caseId, from: m.status, lastKnown, lostSince, openedBy: c.actor.userId } }];
    }
    case 'RecordSearchAttempt': {
      const search = requireSearch(requireMember(s, c.memberId));
      if (!UNIT_ID_PATTERN.test(c.attemptId)) refuse('attempt_id_invalid', '查找记录编号只能包含字母、数字、- 和 _ (attemptId)');
      if (search.attemptIds.includes(c.attemptId)) refuse('attempt_exists', `查找记录 ${c.attemptId} 已登记 (attempt exists)`);
      const on = date(c.on, 'on', '查找日期');
      const method = text(c.method, 'method', '查找方式', { required: true, max: 200 });
      const result = text(c.result, 'result', '查找结果', { required: true });
      return [{ type: 'MemberSearchAttempted', data: { unitId: c.unitId, memberId: c.memberId, caseId: search.caseId, attemptId: c.attemptId, on, method, result, recordedBy: c.actor.userId } }];
    }
    case 'CloseMemberSearch': {
      const m = requireMember(s, c.memberId);
      const search = requireSearch(m);
      if (!SEARCH_OUTCOMES.includes(c.outcome)) refuse('outcome_invalid', '查找结果应为 found、deceased 或 transferred_out (outcome)');
      let to: MemberStatus = c.outcome === 'found' ? 'active' : c.outcome;
      let workplace: string | null = null;
      if (c.outcome === 'found') {
        if (c.to !== 'active' && c.to !== 'mobile') refuse('found_status_required', '找到后须登记为正常或流动党员 (to is active or mobile)');
        to = c.to;
        workplace = c.to === 'mobile' ? text(c.workplace, 'workplace', '流入地', { required: true, max: 100 }) : null;
      } else if (c.to !== null && c.to !== undefined) {
        refuse('found_status_not_expected', '只有找到时登记状态 (to)');
      }
      const on = date(c.on, 'on', '结案日期');
      const note = text(c.note, 'note', '结案说明', { required: true });
      return [{ type: 'MemberSearchClosed', data: { unitId: c.unitId, memberId: c.memberId, caseId: search.caseId, outcome: c.outcome, to, workplace, on, note, closedBy: c.actor.userId } }];
    }
    case 'RecordMemberParticipation':
      return decideParticipation(c, s);
    default:
      return assertNever(c);
  }
}

function withMember(s: MemberRosterState, memberId: string, change: (m: RosterMember) => RosterMember): MemberRosterState {
  return { ...s, members: { ...s.members, [memberId]: change(s.members[memberId]) } };
}

function evolve(s: MemberRosterState, e: MemberRosterEvent): MemberRosterState {
  switch (e.type) {
    case 'MembersImported':
      return { ...s, members: { ...s.members, ...Object.fromEntries(e.data.members.map((m) => [m.memberId, { ...m, search: null }])) } };
    case 'MemberAdded':
      return { ...s, members: { ...s.members, [e.data.member.memberId]: { ...e.data.member, search: null } } };
    case 'MemberRenamed':
      return withMember(s, e.data.memberId, (m) => ({ ...m, name: e.data.name }));
    case 'MemberStatusChanged':
      return withMember(s, e.data.memberId, (m) => ({ ...m, status: e.data.to, workplace: e.data.workplace }));
    case 'MemberSearchOpened':
      return {
        ...withMember(s, e.data.memberId, (m) => ({ ...m, status: 'missing', search: { caseId: e.data.caseId, attemptIds: [] } })),
        caseIds: { ...s.caseIds, [e.data.caseId]: true },
      };
    case 'MemberSearchAttempted':
      return withMember(s, e.data.memberId, (m) => ({ ...m, search: m.search && { ...m.search, attemptIds: [...m.search.attemptIds, e.data.attemptId] } }));
    case 'MemberSearchClosed':
      return withMember(s, e.data.memberId, (m) => ({ ...m, status: e.data.to, workplace: e.data.workplace, search: null }));
    case 'MemberParticipationRecorded':
      return {
        ...s,
        participation: { ...s.participation, [`${e.data.campaignId}/${e.data.stepId}`]: { revision: e.data.revision, onRoll: e.data.onRoll, attended: e.data.attended, excused: e.data.excused } },
      };
    default:
      return assertNever(e);
  }
}

export const memberRosterDecider: Decider<MemberRosterCommand, MemberRosterState, MemberRosterEvent> = { decide, evolve, initialState };
