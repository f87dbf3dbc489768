import {
  ASSESSMENT_EVENT_TYPES,
  ASSESSMENT_SCHEME_EVENT_TYPES,
  DEMONSTRATION_POINT_EVENT_TYPES,
  INBOX_EVENT_TYPES,
  INSTRUCTION_EVENT_TYPES,
  KEY_TASK_EVENT_TYPES,
  MEMBER_ROSTER_EVENT_TYPES,
  NOTICE_EVENT_TYPES,
  ORGANIZATION_EVENT_TYPES,
  PROBLEM_EVENT_TYPES,
  SATISFACTION_EVENT_TYPES,
  UNIT_PROGRESS_EVENT_TYPES,
  UNITS_IMPORT_EVENT_TYPES,
  USER_EVENT_TYPES,
} from '@platform/domain';
import { CHAIN_BREAK_ACKNOWLEDGED, type StoredEvent } from '@platform/event-store';
import { DocumentWrite, merge, Projection, ProjectionContext, upsert } from '@platform/read-models';
import {
  AUDIT_BLOCKS,
  AUDIT_EVENTS,
  AUDIT_STREAM_UNITS,
  AuditBlockDoc,
  auditBlockId,
  AuditEventDoc,
  auditEventId,
  AuditStreamUnitsDoc,
  backdating,
  widenBlock,
} from './audit-trail.documents';

/**
 * Every event type of the platform. The runner reads by type, so a new event type must be added
 * here to reach the audit trail (the spec checks every domain list is included).
 */
export const AUDITED_EVENT_TYPES: readonly string[] = [
  ...new Set<string>([
    ...ORGANIZATION_EVENT_TYPES,
    ...UNITS_IMPORT_EVENT_TYPES,
    'CampaignLaunched',
    'UnitsEnrolled',
    ...UNIT_PROGRESS_EVENT_TYPES,
    ...PROBLEM_EVENT_TYPES,
    ...SATISFACTION_EVENT_TYPES,
    ...NOTICE_EVENT_TYPES,
    ...USER_EVENT_TYPES,
    'UsernameReserved',
    ...KEY_TASK_EVENT_TYPES,
    ...ASSESSMENT_SCHEME_EVENT_TYPES,
    ...ASSESSMENT_EVENT_TYPES,
    ...DEMONSTRATION_POINT_EVENT_TYPES,
    ...MEMBER_ROSTER_EVENT_TYPES,
    ...INSTRUCTION_EVENT_TYPES,
    ...INBOX_EVENT_TYPES,
    CHAIN_BREAK_ACKNOWLEDGED,
  ]),
];

type Data = Record<string, unknown>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const unitsOf = (v: unknown): string[] => (Array.isArray(v) ? v.map((p) => (p as { unitId?: unknown }).unitId).filter((u): u is string => typeof u === 'string') : []);

/** Units an event names itself; events about users name none (only an all-seeing auditor sees them). */
function namedUnits(e: StoredEvent<Data>): string[] {
  const d = e.data ?? {};
  switch (e.type) {
    case 'CampaignLaunched':
      return strings(d.enrolledUnitIds);
    case 'ProblemRegistered':
      return typeof d.responsibleUnitId === 'string' ? [d.responsibleUnitId] : [];
    case 'JointHandlingStarted':
      return [
        ...(typeof d.coordinatorUnitId === 'string' ? [d.coordinatorUnitId] : []),
        ...unitsOf(d.parts),
      ];
    case 'KeyTaskPartsAssigned':
      return unitsOf(d.parts);
    case 'AssessmentResultsPublished':
      return unitsOf(d.results);
    case 'InstructionIssued':
      return [...strings((d.target as { unitIds?: unknown } | undefined)?.unitIds), ...strings(d.addressedUnitIds)];
    default:
      if ((USER_EVENT_TYPES as readonly string[]).includes(e.type) || (INBOX_EVENT_TYPES as readonly string[]).includes(e.type) || e.type === 'UsernameReserved') return [];
      return [...(typeof d.unitId === 'string' ? [d.unitId] : []), ...strings(d.unitIds)];
  }
}

/** Streams whose first events name their units and whose later ones (a stock-take, a deadline) may not. */
const STREAMS_WITH_UNITS = ['problem-', 'key-task-', 'assessment-', 'instruction-'];

async function streamUnits(ctx: ProjectionContext, e: StoredEvent<Data>, named: string[]): Promise<{ units: string[]; writes: DocumentWrite[] }> {
  if (!STREAMS_WITH_UNITS.some((prefix) => e.streamId.startsWith(prefix)) || e.streamId.startsWith('assessment-scheme-')) return { units: named, writes: [] };
  const known = (await ctx.get<AuditStreamUnitsDoc>(AUDIT_STREAM_UNITS, e.streamId))?.unitIds ?? [];
  const units = [...new Set([...known, ...named])];
  const grew = units.length > known.length;
  return { units, writes: grew ? [upsert(AUDIT_STREAM_UNITS, { _id: e.streamId, unitIds: units })] : [] };
}

/**
 * 审计轨迹: one entry per event with both times, the actor, the units it concerns and its hash,
 * flagging entries recorded long after the time they claim. Entries never change once written,
 * so the entries up to a position are exactly what a replay up to that position gives.
 */
export const auditTrailProjection: Projection<Data> = {
  name: 'audit-trail',
  // 2: the blocks' times (AUDIT_BLOCKS).
  version: 2,
  collections: [AUDIT_EVENTS, AUDIT_STREAM_UNITS, AUDIT_BLOCKS],
  handles: AUDITED_EVENT_TYPES,
  // An entry per event, never rewritten: most of the rows a rebuild of every view writes.
  indexedAtEnd: [AUDIT_EVENTS],
  writtenOnce: [AUDIT_EVENTS],
  indexes: {
    [AUDIT_EVENTS]: {
      streamId: 'scalar',
      'actor.userId': 'scalar',
      occurredAt: 'scalar',
      recordedAt: 'scalar',
      backdated: 'scalar',
      unitIds: 'array',
      // A page of one event type in history order; also the index of a search by type alone (equality
      // or $in on its first column), so the type has no index of its own: a rebuild builds each index
      // by parsing every entry's JSON once more, and that one only repeated this one's first column.
      'type,position': 'scalar',
    },
  },
  async evolve(e, ctx) {
    const { units, writes } = await streamUnits(ctx, e, namedUnits(e));
    const doc: AuditEventDoc = {
      _id: auditEventId(e.position),
      position: e.position,
      eventId: e.eventId,
      streamId: e.streamId,
      streamRevision: e.streamRevision,
      type: e.type,
      schemaVersion: e.schemaVersion,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      ...backdating(e),
      actor: { userId: e.actor.userId, role: e.actor.role, unitId: e.actor.unitId ?? null },
      unitIds: units,
      correlationId: e.correlationId,
      causationId: e.causationId,
      hash: e.hash,
    };
    return [...writes, upsert(AUDIT_EVENTS, doc), merge<AuditBlockDoc>(AUDIT_BLOCKS, auditBlockId(e.position), (block) => widenBlock(block, doc))];
  },
};
