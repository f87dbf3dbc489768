import { Actor, hasRole } from '../shared/actor';
import { MemberRosterEvent } from './member.events';

/** Written in place of what would name or describe a member to a reader who may not see it. */
export const WITHHELD = '（已隐去）';

/**
 * Names are for the member's own unit (its liaison, its leader), the campaign office and
 * administrators (within their scope, which the access rules check); every other reader sees
 * counts and statuses only. Inspectors supervise from outside the unit, so never see names even
 * when assigned to it.
 */
export function mayReadMemberNames(actor: Actor | null | undefined, unitId: string): boolean {
  if (!actor) return false;
  return hasRole(actor, 'admin', 'office') || (hasRole(actor, 'operator', 'leader') && actor.unitId === unitId);
}

const hide = (v: string | null) => (v ? WITHHELD : v);

/**
 * A roster event as a reader without the right to names sees it: ids, statuses, dates and counts
 * stay; names and the free text that could describe a person (where they work, what the family
 * said, why they left) are withheld. Unknown types are returned as they are.
 */
export function withoutMemberNames(type: string, data: unknown): unknown {
  const e = { type, data } as MemberRosterEvent;
  switch (e.type) {
    case 'MembersImported':
      return { ...e.data, members: e.data.members.map((m) => ({ ...m, name: WITHHELD, workplace: hide(m.workplace) })) };
    case 'MemberAdded':
      return { ...e.data, member: { ...e.data.member, name: WITHHELD, workplace: hide(e.data.member.workplace) } };
    case 'MemberRenamed':
      return { ...e.data, name: WITHHELD };
    case 'MemberStatusChanged':
      return { ...e.data, workplace: hide(e.data.workplace), toUnit: hide(e.data.toUnit), reason: hide(e.data.reason) };
    case 'MemberSearchOpened':
      return { ...e.data, lastKnown: WITHHELD };
    case 'MemberSearchAttempted':
      return { ...e.data, method: WITHHELD, result: WITHHELD };
    case 'MemberSearchClosed':
      return { ...e.data, workplace: hide(e.data.workplace), note: WITHHELD };
    case 'MemberParticipationRecorded':
      return { ...e.data, excused: e.data.excused.map((x) => ({ ...x, reason: WITHHELD })) };
    default:
      return data;
  }
}
