import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { CommandContext, isPlatformUserId, Role, ROLES } from '../shared/actor';
import { UNIT_ID_PATTERN } from '../organizations/organization-types';
import { ownUnitOfLegacy, ROLES_WITH_OWN_UNIT, USERNAME_PATTERN, UserEvent, UserScope } from './user.events';

export type UserCommand = CommandContext &
  (
    | ({
        type: 'RegisterUser';
        userId: string;
        username: string;
        displayName: string;
        role: Role;
        /** 本单位; see `ownUnitOf` for when it may be left out. */
        unitId?: string | null;
        /** Of the own unit, the ones the tree does not hold. */
        readonly unknownUnitIds?: readonly string[];
      } & UserScope)
    | { type: 'GrantRole'; role: Role }
    | ({ type: 'ChangeScope'; readonly unknownUnitIds: readonly string[] } & UserScope)
    | { type: 'SetPassword' }
    | { type: 'DisableUser'; reason: string }
    | { type: 'EnableUser' }
  );

export interface UserState extends UserScope {
  readonly exists: boolean;
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role | null;
  /** 本单位: what deciders take as the actor's unit; never read from the scope's order. */
  readonly unitId: string | null;
  readonly disabled: boolean;
}

const initialState = (): UserState => ({
  exists: false,
  userId: '',
  username: '',
  displayName: '',
  role: null,
  unitId: null,
  disabled: false,
  scopeUnitIds: [],
  contactPointUnitIds: [],
});

const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'public');

function checkRole(role: Role): void {
  if (!STAFF_ROLES.includes(role)) refuse('role_invalid', `角色 ${role} 不能分配给用户 (role cannot be granted)`);
}

/** Everyone but an administrator works inside some subtree; contact points are a leader's. */
function checkScope(role: Role, scope: UserScope): void {
  const ids = [...scope.scopeUnitIds, ...scope.contactPointUnitIds];
  if (ids.some((id) => !UNIT_ID_PATTERN.test(id))) refuse('scope_unit_invalid', '范围中的组织编码无效 (scopeUnitIds and contactPointUnitIds must be unit ids)');
  if (role !== 'admin' && scope.scopeUnitIds.length === 0) {
    refuse('scope_required', '除系统管理员外，用户必须指定工作范围 (scopeUnitIds required)');
  }
  if (role !== 'leader' && scope.contactPointUnitIds.length > 0) {
    refuse('contact_points_for_leaders', '只有领导可以设置联系点 (contact points are for leaders)');
  }
}

/** A scope naming a unit the tree does not hold would silently grant nothing (or, later, a unit created under that id). */
function checkUnitsExist(scope: UserScope, unknownUnitIds: readonly string[]): void {
  if (unknownUnitIds.length === 0) return;
  const field = scope.scopeUnitIds.some((id) => unknownUnitIds.includes(id)) ? 'scopeUnitIds' : 'contactPointUnitIds';
  refuse('unit_not_found', `${field}: 组织 ${unknownUnitIds.join(', ')} 不存在 (unit not found)`, { field, unitIds: [...unknownUnitIds] });
}

/**
 * The own unit, as registered: the one given; else, for an operator or a leader whose scope is a
 * single unit, that unit (written into the event, not looked up later); else none, or a refusal
 * for an operator or leader whose scope leaves it open.
 */
function ownUnitOf(c: { role: Role; unitId?: string | null; unknownUnitIds?: readonly string[] } & UserScope): string | null {
  if (c.unitId) {
    if (!UNIT_ID_PATTERN.test(c.unitId)) refuse('unit_id_invalid', '本单位编码无效 (unitId must be a unit id)', { field: 'unitId' });
    if (c.unknownUnitIds?.includes(c.unitId)) refuse('unit_not_found', `unitId: 组织 ${c.unitId} 不存在 (unit not found)`, { field: 'unitId', unitIds: [c.unitId] });
    return c.unitId;
  }
  if (!ROLES_WITH_OWN_UNIT.includes(c.role)) return null;
  if (c.scopeUnitIds.length === 1) return c.scopeUnitIds[0];
  refuse('own_unit_required', '联络员和领导须指定本单位 (unitId is required when the scope has several units)', { field: 'unitId' });
}

function requireUser(s: UserState): void {
  if (!s.exists) refuse('user_not_found', '用户不存在 (user not found)');
}

function requireOther(c: CommandContext, s: UserState, what: string): void {
  if (c.actor.userId === s.userId) refuse('own_account', `不能${what}自己的账号 (not on one's own account)`);
}

const sameScope = (a: UserScope, b: UserScope) =>
  JSON.stringify([[...a.scopeUnitIds].sort(), [...a.contactPointUnitIds].sort()]) ===
  JSON.stringify([[...b.scopeUnitIds].sort(), [...b.contactPointUnitIds].sort()]);

function decide(c: UserCommand, s: UserState): UserEvent[] {
  switch (c.type) {
    case 'RegisterUser': {
      if (s.exists) refuse('user_exists', `用户 ${c.userId} 已存在 (user exists)`);
      if (!UNIT_ID_PATTERN.test(c.userId)) refuse('user_id_invalid', '用户编号只能包含字母、数字、- 和 _ (userId)');
      if (isPlatformUserId(c.userId)) refuse('user_id_reserved', `用户编号 ${c.userId} 留给系统自身使用 (userId: "system" and "system-…" are the platform's own)`, { field: 'userId' });
      if (!USERNAME_PATTERN.test(c.username)) refuse('username_invalid', '登录名为 3–32 位小写字母、数字、- 或 _ (username)');
      if (!c.displayName.trim()) refuse('display_name_required', '请填写姓名 (displayName)');
      checkRole(c.role);
      checkScope(c.role, c);
      const unitId = ownUnitOf(c);
      return [
        {
          type: 'UserRegistered',
          data: {
            userId: c.userId,
            username: c.username,
            displayName: c.displayName.trim(),
            role: c.role,
            unitId,
            scopeUnitIds: [...new Set(c.scopeUnitIds)],
            contactPointUnitIds: [...new Set(c.contactPointUnitIds)],
          },
        },
      ];
    }
    case 'GrantRole': {
      requireUser(s);
      requireOther(c, s, '修改');
      checkRole(c.role);
      if (c.role === s.role) refuse('role_unchanged', '角色未改变 (role unchanged)');
      checkScope(c.role, { scopeUnitIds: s.scopeUnitIds, contactPointUnitIds: c.role === 'leader' ? s.contactPointUnitIds : [] });
      return [{ type: 'RoleGranted', data: { userId: s.userId, role: c.role, previousRole: s.role as Role } }];
    }
    case 'ChangeScope': {
      requireUser(s);
      checkScope(s.role as Role, c);
      checkUnitsExist(c, c.unknownUnitIds);
      if (sameScope(s, c)) refuse('scope_unchanged', '工作范围未改变 (scope unchanged)');
      return [
        {
          type: 'ScopeChanged',
          data: {
            userId: s.userId,
            scopeUnitIds: [...new Set(c.scopeUnitIds)],
            contactPointUnitIds: [...new Set(c.contactPointUnitIds)],
            previous: { scopeUnitIds: s.scopeUnitIds, contactPointUnitIds: s.contactPointUnitIds },
          },
        },
      ];
    }
    case 'SetPassword':
      requireUser(s);
      return [{ type: 'PasswordSet', data: { userId: s.userId, byAdministrator: c.actor.userId !== s.userId } }];
    case 'DisableUser':
      requireUser(s);
      requireOther(c, s, '停用');
      if (s.disabled) refuse('user_disabled', '用户已停用 (already disabled)');
      if (!c.reason.trim()) refuse('reason_required', '停用账号须说明原因 (reason is required)');
      return [{ type: 'UserDisabled', data: { userId: s.userId, reason: c.reason.trim() } }];
    case 'EnableUser':
      requireUser(s);
      if (!s.disabled) refuse('user_not_disabled', '用户未停用 (not disabled)');
      return [{ type: 'UserEnabled', data: { userId: s.userId } }];
    default:
      return assertNever(c);
  }
}

function evolve(s: UserState, e: UserEvent): UserState {
  switch (e.type) {
    case 'UserRegistered':
      return { ...s, exists: true, ...e.data, unitId: e.data.unitId !== undefined ? e.data.unitId : ownUnitOfLegacy(e.data), disabled: false };
    case 'RoleGranted':
      return { ...s, role: e.data.role, contactPointUnitIds: e.data.role === 'leader' ? s.contactPointUnitIds : [] };
    case 'ScopeChanged':
      return { ...s, scopeUnitIds: e.data.scopeUnitIds, contactPointUnitIds: e.data.contactPointUnitIds };
    case 'PasswordSet':
      return s;
    case 'UserDisabled':
      return { ...s, disabled: true };
    case 'UserEnabled':
      return { ...s, disabled: false };
    default:
      return assertNever(e);
  }
}

export const userDecider: Decider<UserCommand, UserState, UserEvent> = { decide, evolve, initialState };
