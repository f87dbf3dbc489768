export const ROLES = ['admin', 'office', 'operator', 'inspector', 'leader', 'public'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  admin: '系统管理员',
  office: '活动办公室',
  operator: '基层党组织联络员',
  inspector: '督导组成员',
  leader: '领导',
  public: '群众',
};

/** The person a command is decided for, as verified at the edge. */
export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly unitId?: string | null;
}

/**
 * The platform's own actors (the administrator bootstrap, the scheduled deadline check) act under
 * the user id "system" or "system-<job>". No person can be registered under such an id, so the audit
 * trail can name these entries as the system's without a reader mistaking a person for it.
 */
export function isPlatformUserId(userId: string): boolean {
  return userId === 'system' || userId.startsWith('system-');
}

/** Who acted, as a reader of the history is told: a person (or the public's ballot), or the platform itself. */
export type ActorKind = 'user' | 'platform';

export const actorKindOf = (actor: Pick<Actor, 'userId'>): ActorKind => (isPlatformUserId(actor.userId) ? 'platform' : 'user');

/** Every command carries who asks and when it happened (the user's time, not the server's). */
export interface CommandContext {
  readonly actor: Actor;
  readonly at: string;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.includes(actor.role);
}
