import { DomainEvent } from '../shared/decider';
import { Role } from '../shared/actor';

export interface UserScope {
  /** Roots of the subtrees the user works in (own unit, assigned units, led area). */
  readonly scopeUnitIds: string[];
  /** A leader's contact points (联系点); they widen the scope like the roots do. */
  readonly contactPointUnitIds: string[];
}

export type UserRegistered = DomainEvent<
  'UserRegistered',
  {
    userId: string;
    username: string;
    displayName: string;
    role: Role;
    /**
     * The unit the user belongs to (本单位), or null for one who belongs to none in the tree (a
     * supervision group sent from above, an administrator). Absent on users registered before it
     * was recorded: see `ownUnitOfLegacy`.
     */
    unitId?: string | null;
  } & UserScope
>;
export type UsernameReserved = DomainEvent<'UsernameReserved', { username: string; userId: string }>;
export type RoleGranted = DomainEvent<'RoleGranted', { userId: string; role: Role; previousRole: Role }>;
export type ScopeChanged = DomainEvent<'ScopeChanged', { userId: string; previous: UserScope } & UserScope>;
/** The hash itself never enters the event store: it is kept in the credential store. */
export type PasswordSet = DomainEvent<'PasswordSet', { userId: string; byAdministrator: boolean }>;
export type UserDisabled = DomainEvent<'UserDisabled', { userId: string; reason: string }>;
export type UserEnabled = DomainEvent<'UserEnabled', { userId: string }>;

export type UserEvent = UserRegistered | RoleGranted | ScopeChanged | PasswordSet | UserDisabled | UserEnabled;

export const USER_EVENT_TYPES: UserEvent['type'][] = [
  'UserRegistered',
  'RoleGranted',
  'ScopeChanged',
  'PasswordSet',
  'UserDisabled',
  'UserEnabled',
];

/** Roles whose scope is the area they belong to: their own unit is that area's root. */
export const ROLES_WITH_OWN_UNIT: readonly Role[] = ['operator', 'leader'];

/**
 * The own unit of a user registered before it was recorded, derived once when the event is
 * folded: an operator's or leader's only scope unit, as the platform took it then; nobody else
 * (a supervision group's scope is the units it watches, not one it belongs to).
 */
export function ownUnitOfLegacy(d: { role: Role; scopeUnitIds: readonly string[] }): string | null {
  return ROLES_WITH_OWN_UNIT.includes(d.role) ? (d.scopeUnitIds[0] ?? null) : null;
}

export const userStreamId = (userId: string) => `user-${userId}`;
/** One stream per username, written with no_stream: two users can never take the same name. */
export const usernameStreamId = (username: string) => `username-${username.toLowerCase()}`;
export const USERNAME_PATTERN = /^[a-z0-9_-]{3,32}$/;
