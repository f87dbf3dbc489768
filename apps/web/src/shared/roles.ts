import type { SessionUser } from '../auth/session';

export const ROLE_NAMES: Record<SessionUser['role'], readonly [string, string]> = {
  admin: ['管理员', 'Administrator'],
  office: ['活动办公室', 'Campaign office'],
  operator: ['联络员', 'Liaison'],
  inspector: ['督导组', 'Supervision group'],
  leader: ['领导', 'Leader'],
};

/** Who reads the audit trail (the office and supervision groups, and the admin): the menu shows it to them, its page to no one else. */
export const AUDIT_ROLES: readonly string[] = ['admin', 'office', 'inspector'];

/** Who works with 考核 and 示范点: every staff role (a liaison sees its own unit, and self-assesses and appeals there). */
export const ASSESSMENT_ROLES: readonly string[] = ['admin', 'office', 'operator', 'inspector', 'leader'];
/** Who works on key tasks: the office defines and schedules, liaisons report, supervision groups review, leaders read. */
export const KEY_TASK_ROLES: readonly string[] = ['admin', 'office', 'operator', 'inspector', 'leader'];
