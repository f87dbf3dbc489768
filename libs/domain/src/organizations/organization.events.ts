import { DomainEvent } from '../shared/decider';
import { UnitLevel, UnitType } from './organization-types';

export type UnitCreated = DomainEvent<
  'UnitCreated',
  {
    unitId: string;
    name: string;
    level: UnitLevel;
    unitType: UnitType;
    parentId: string | null;
    memberCount: number;
  }
>;
export type UnitRenamed = DomainEvent<'UnitRenamed', { unitId: string; name: string; previousName: string }>;
export type UnitMoved = DomainEvent<'UnitMoved', { unitId: string; parentId: string; previousParentId: string | null }>;
export type MemberCountChanged = DomainEvent<
  'MemberCountChanged',
  { unitId: string; memberCount: number; previousMemberCount: number }
>;
export type UnitClosed = DomainEvent<'UnitClosed', { unitId: string; reason: string }>;

export type OrganizationEvent = UnitCreated | UnitRenamed | UnitMoved | MemberCountChanged | UnitClosed;

export const ORGANIZATION_EVENT_TYPES: OrganizationEvent['type'][] = [
  'UnitCreated',
  'UnitRenamed',
  'UnitMoved',
  'MemberCountChanged',
  'UnitClosed',
];

export const orgStreamId = (unitId: string) => `org-${unitId}`;
