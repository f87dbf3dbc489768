import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { CommandContext } from '../shared/actor';
import { OrganizationEvent } from './organization.events';
import { canContain, UNIT_ID_PATTERN, UnitLevel, UnitType, UNIT_LEVEL_NAMES } from './organization-types';

/** What the handler knows about a would-be parent when it sends the command. */
export interface ParentFacts {
  readonly unitId: string;
  readonly level: UnitLevel;
  readonly closed: boolean;
  /** The parent's ancestors, root first; used to refuse a move under one's own descendant. */
  readonly ancestorIds: readonly string[];
}

/** What the handler found in the organization tree for a unit a command names. */
export interface UnitFacts {
  readonly unitId: string;
  readonly exists: boolean;
  readonly closed: boolean;
}

export type OrganizationCommand = CommandContext &
  (
    | {
        type: 'CreateUnit';
        unitId: string;
        name: string;
        level: UnitLevel;
        unitType: UnitType;
        memberCount: number;
        parent: ParentFacts | null;
        /** The id the user asked for as parent, so a missing one can be named. */
        parentId: string | null;
        /** Units of the tree that have no parent (the deployment's roots). */
        rootIds: readonly string[];
      }
    | { type: 'RenameUnit'; name: string }
    | { type: 'MoveUnit'; parentId: string; parent: ParentFacts | null }
    | { type: 'ChangeMemberCount'; memberCount: number }
    | { type: 'CloseUnit'; reason: string; openChildren: number }
  );

export interface OrganizationState {
  readonly exists: boolean;
  readonly unitId: string;
  readonly name: string;
  readonly level: UnitLevel | null;
  readonly unitType: UnitType | null;
  readonly parentId: string | null;
  readonly memberCount: number;
  readonly closed: boolean;
}

const initialState = (): OrganizationState => ({
  exists: false,
  unitId: '',
  name: '',
  level: null,
  unitType: null,
  parentId: null,
  memberCount: 0,
  closed: false,
});

/**
 * A city never has a parent. Any other level has one, except the first unit of a deployment: a
 * county (or a township...) office running the platform for its own area starts its tree there.
 */
function checkParent(level: UnitLevel, parentId: string | null, parent: ParentFacts | null, rootIds: readonly string[] | null): void {
  if (level === 'city') {
    if (parentId) refuse('city_has_no_parent', '市级单位不能有上级组织 (a city has no parent)');
    return;
  }
  if (!parentId && rootIds?.length === 0) return;
  if (!parentId) {
    const roots = rootIds?.length ? `；本平台的根组织为 ${rootIds.join('、')}` : '';
    refuse('parent_required', `${UNIT_LEVEL_NAMES[level]}必须指定上级组织${roots} (parentId is required once the deployment has a root)`, { rootIds: rootIds ?? [] });
  }
  if (!parent) refuse('parent_not_found', `上级组织 ${parentId} 不存在 (parent not found)`, { parentId });
  if (parent.closed) refuse('parent_closed', `上级组织 ${parentId} 已撤销 (parent is closed)`, { parentId });
  if (!canContain(parent.level, level)) {
    refuse(
      'level_not_allowed',
      `${UNIT_LEVEL_NAMES[parent.level]}下不能设立${UNIT_LEVEL_NAMES[level]} (a ${level} cannot sit under a ${parent.level})`,
      { parentLevel: parent.level, level },
    );
  }
}

function requireOpen(state: OrganizationState): void {
  if (!state.exists) refuse('unit_not_found', '组织不存在 (unit not found)');
  if (state.closed) refuse('unit_closed', '组织已撤销 (unit is closed)');
}

function checkMemberCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) refuse('member_count_invalid', '党员数必须是非负整数 (memberCount must be an integer ≥ 0)');
}

function decide(command: OrganizationCommand, state: OrganizationState): OrganizationEvent[] {
  switch (command.type) {
    case 'CreateUnit': {
      if (state.exists) refuse('unit_exists', `组织编码 ${command.unitId} 已存在 (unit already exists)`);
      if (!UNIT_ID_PATTERN.test(command.unitId)) refuse('unit_id_invalid', '组织编码只能包含字母、数字、- 和 _ (unitId)');
      if (!command.name.trim()) refuse('name_required', '组织名称不能为空 (name is required)');
      checkMemberCount(command.memberCount);
      checkParent(command.level, command.parentId, command.parent, command.rootIds);
      return [
        {
          type: 'UnitCreated',
          data: {
            unitId: command.unitId,
            name: command.name.trim(),
            level: command.level,
            unitType: command.unitType,
            parentId: command.level === 'city' ? null : command.parentId,
            memberCount: command.memberCount,
          },
        },
      ];
    }
    case 'RenameUnit': {
      requireOpen(state);
      const name = command.name.trim();
      if (!name) refuse('name_required', '组织名称不能为空 (name is required)');
      if (name === state.name) refuse('name_unchanged', '新名称与原名称相同 (name unchanged)');
      return [{ type: 'UnitRenamed', data: { unitId: state.unitId, name, previousName: state.name } }];
    }
    case 'MoveUnit': {
      requireOpen(state);
      const level = state.level as UnitLevel;
      if (command.parentId === state.unitId) refuse('move_into_itself', '不能把组织移到自身之下 (cannot move under itself)');
      if (command.parentId === state.parentId) refuse('parent_unchanged', '上级组织未改变 (parent unchanged)');
      checkParent(level, command.parentId, command.parent, null);
      if (command.parent?.ancestorIds.includes(state.unitId)) {
        refuse('move_into_descendant', '不能把组织移到自己的下级组织之下 (cannot move under own descendant)');
      }
      return [
        { type: 'UnitMoved', data: { unitId: state.unitId, parentId: command.parentId, previousParentId: state.parentId } },
      ];
    }
    case 'ChangeMemberCount': {
      requireOpen(state);
      checkMemberCount(command.memberCount);
      if (command.memberCount === state.memberCount) refuse('member_count_unchanged', '党员数未改变 (memberCount unchanged)');
      return [
        {
          type: 'MemberCountChanged',
          data: { unitId: state.unitId, memberCount: command.memberCount, previousMemberCount: state.memberCount },
        },
      ];
    }
    case 'CloseUnit': {
      requireOpen(state);
      if (!command.reason.trim()) refuse('reason_required', '撤销组织必须说明原因 (reason is required)');
      if (command.openChildren > 0) {
        refuse('has_open_children', `该组织还有 ${command.openChildren} 个未撤销的下级组织 (unit has open children)`, {
          openChildren: command.openChildren,
        });
      }
      return [{ type: 'UnitClosed', data: { unitId: state.unitId, reason: command.reason.trim() } }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  switch (event.type) {
    case 'UnitCreated':
      return {
        exists: true,
        unitId: event.data.unitId,
        name: event.data.name,
        level: event.data.level,
        unitType: event.data.unitType,
        parentId: event.data.parentId,
        memberCount: event.data.memberCount,
        closed: false,
      };
    case 'UnitRenamed':
      return { ...state, name: event.data.name };
    case 'UnitMoved':
      return { ...state, parentId: event.data.parentId };
    case 'MemberCountChanged':
      return { ...state, memberCount: event.data.memberCount };
    case 'UnitClosed':
      return { ...state, closed: true };
    default:
      return assertNever(event);
  }
}

export const organizationDecider: Decider<OrganizationCommand, OrganizationState, OrganizationEvent> = {
  decide,
  evolve,
  initialState,
};
