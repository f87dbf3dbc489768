/**
 * Response bodies the OpenAPI document does not describe yet. Request bodies and parameters are
 * typed from the generated schema (schema.d.ts); these local shapes hold only the fields the pages
 * read, and are replaced by generated ones as the document gains response schemas.
 */
import type { components, operations } from './schema';

/** An event-store position as the server gives it: shown, compared (equality, and order as plain strings) or passed back as asOf, never computed with. */
export type PositionToken = components['schemas']['PositionToken'];

export interface AsOf {
  readonly position: PositionToken;
  readonly at: string | null;
  /** How far behind a stale answer is: events only where the store could count them. */
  readonly stale?: { readonly events: number | null; readonly ms: number; readonly checkpoint: PositionToken; readonly message: string } | null;
}

export type Handling = 'being_rectified' | 'by_deadline' | 'deferred' | 'joint' | 'solved';
export type WarningLevel = 'none' | 'green' | 'yellow' | 'red';

export interface Metrics {
  readonly participationRate: number | null;
  readonly stepCompletion: number | null;
  readonly satisfactionRate: number | null;
  readonly completionRate: number | null;
  readonly onTimeRate: number | null;
  readonly reboundRate: number | null;
}

export interface Counts {
  readonly problems: { readonly total: number; readonly closed: number };
  readonly participation: { readonly shouldAttend: number; readonly attended: number; readonly excused: number };
  readonly steps: { readonly requiredDone: number; readonly requiredTotal: number };
}

export interface BoardRow {
  readonly rank: number;
  /** Where the participation rate comes from: the unit's member roster, or the counts it reported. */
  readonly participationSource?: 'roster' | 'reported' | null;
  readonly unitId: string;
  readonly name: string;
  readonly level: string;
  readonly unitTypeName: string;
  readonly parentId: string | null;
  readonly stage: string;
  readonly stageName: string;
  readonly phase: { readonly key: string; readonly name: string } | null;
  readonly transition: { readonly status: string; readonly phaseKey: string | null; readonly statusName: string; readonly reason: string | null };
  readonly satisfaction: { readonly standing: string; readonly standingName: string } | null;
  readonly makeUpUnits: number;
  readonly problemsByHandling: Record<Handling, number>;
  readonly counts: Counts;
  readonly metrics: Metrics;
}

export interface Rollup {
  readonly unitId: string;
  readonly name: string;
  readonly level: string;
  readonly levelName: string;
  readonly unitCount: number;
  readonly makeUpUnits: number;
  readonly problemsByHandling: Record<Handling, number>;
  readonly counts: Counts;
  readonly metrics: Metrics;
}

/** A direct child of the board's root: its roll-up or its own row, and its units per stage (the phase chart). */
export interface BoardChild {
  readonly unitId: string;
  readonly name: string;
  readonly rollup: Rollup | null;
  readonly row: BoardRow | null;
  readonly stages: readonly { readonly key: string; readonly name: string; readonly count: number }[];
}

export interface Board {
  readonly asOf: AsOf;
  readonly campaign: { readonly campaignId: string; readonly name: string; readonly phases: readonly { key: string; name: string }[] };
  readonly rankByName: string;
  readonly metricsDefinition: string;
  readonly total: number;
  readonly rows: readonly BoardRow[];
  readonly children: readonly BoardChild[];
  readonly rollups: readonly Rollup[];
  readonly overall: Omit<Rollup, 'unitId' | 'name' | 'level' | 'levelName'>;
}

export interface CampaignSummary {
  readonly campaignId: string;
  readonly name: string;
  readonly batch: number;
  readonly templateName: string | null;
  readonly launchedAt: string;
  readonly enrolledCount: number;
}

export interface Unit {
  readonly unitId: string;
  readonly name: string;
  readonly level: string;
  readonly levelName: string;
  readonly unitTypeName: string;
  readonly parentId: string | null;
  readonly memberCount: number;
}

export interface TrackerCounts {
  readonly total: number;
  readonly closed: number;
  readonly fixedAwaitingVerification: number;
  readonly byHandling: Record<Handling, number>;
  readonly overdue: number;
  readonly warnings: { readonly green: number; readonly yellow: number; readonly red: number };
}

export interface Tracker {
  readonly asOf: AsOf;
  readonly today: string;
  readonly warningThresholds: { readonly greenDays: number; readonly yellowDays: number };
  readonly total: number;
  readonly units: readonly { unitId: string; name: string; counts: TrackerCounts; completionRate: number | null; onTimeRate: number | null }[];
  /** The reader's whole scope (or root) summed: what the counts at the top show. */
  readonly overall: { readonly counts: TrackerCounts; readonly completionRate: number | null };
}

export interface JointPart {
  readonly partId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly description: string;
  readonly deadline: string | null;
  readonly closed: boolean;
  readonly daysLeft: number | null;
  readonly warningLevel: WarningLevel;
  readonly overdue: boolean;
}

export interface TrackedProblem {
  readonly problemId: string;
  readonly campaignId: string;
  readonly responsibleUnitId: string;
  readonly responsibleUnitName: string;
  readonly sourceName: string;
  readonly category: string;
  readonly description: string;
  readonly responsibleLeader: string | null;
  readonly handler: string | null;
  readonly status: string;
  readonly statusName: string;
  readonly handling: Handling;
  readonly handlingName: string;
  readonly timingName: string | null;
  readonly measures: readonly string[];
  readonly deadline: string | null;
  readonly published: boolean;
  readonly deferral: { readonly reason?: string; readonly reviewDate?: string; readonly explanation?: string } | null;
  readonly joint: { readonly coordinatorUnitName: string; readonly parts: readonly JointPart[] } | null;
  readonly daysLeft: number | null;
  readonly warningLevel: WarningLevel;
  readonly warningLevelName: string;
  readonly overdue: boolean;
  /** 督查: a note in the current cycle and not yet verified. */
  readonly underSupervision?: boolean;
  readonly supervision?: { readonly notes: number; readonly last: { finding: string; demand: string; dueBy: string; notedBy: string; at: string } } | null;
  readonly registeredAt: string;
  readonly lastChangedAt: string;
}

export interface ProblemPage {
  readonly asOf: AsOf;
  /** Null beyond the count the server makes exact; then `totalMoreThan` is its lower bound. */
  readonly total: number | null;
  readonly totalMoreThan: number | null;
  readonly next: string | null;
  readonly items: readonly TrackedProblem[];
}

export interface Actor {
  readonly userId: string;
  readonly role: string;
  readonly unitId: string | null;
}

type AuditItem = NonNullable<NonNullable<operations['searchAuditTrail']['responses'][200]['content']['application/json']['items']>[number]>;
/** Who acted, as the server classes it: a person, or the platform's own jobs (whose user ids the server alone knows). */
export type ActorKind = AuditItem['actorKind'];

export interface TimelineEvent {
  readonly position: PositionToken;
  readonly type: string;
  readonly typeName: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly backdated: boolean;
  readonly actor: Actor;
  readonly actorKind: ActorKind;
  readonly data: Record<string, unknown>;
}

export interface Timeline {
  readonly asOf: AsOf;
  readonly problem: TrackedProblem;
  readonly events: readonly TimelineEvent[];
}

export interface AuditEntry extends TimelineEvent {
  readonly streamId: string;
  readonly hash: string;
}

export interface AuditPage {
  readonly asOf: AsOf;
  /** Exact up to 1000 matching entries; null beyond, with totalMoreThan. */
  readonly total: number | null;
  readonly totalMoreThan?: number | null;
  /** In history order (order=asc), the next page's `after`. */
  readonly nextAfter: PositionToken | null;
  /** Newest first (order=desc), the next page's `before`. */
  readonly nextBefore: PositionToken | null;
  readonly items: readonly AuditEntry[];
}

export interface ChainReport {
  readonly ok: boolean;
  readonly checked: number;
  readonly headPosition: PositionToken | null;
  readonly firstBrokenPosition: PositionToken | null;
  readonly verdict: string;
  /** The latest signed checkpoint the chain was checked against; its text can be copied onto paper. */
  readonly checkpoint: { readonly position: number; readonly issuedAt: string; readonly text: string } | null;
}

export interface NoticeSummary {
  readonly noticeId: string;
  readonly title: string;
  readonly noticeDate: string;
  readonly position: PositionToken;
  readonly publishedBy: string;
  readonly publishedAt: string;
  readonly unitCount: number;
  readonly snapshotHash: string;
}

export interface Notice extends NoticeSummary {
  /** A campaign board's notice, or a key task's stock-take (its snapshot is then a KeyTaskSchedule). */
  readonly kind?: 'board' | 'key-task';
  readonly snapshot: Board;
}

export interface UnitProgress {
  readonly unitId: string;
  readonly stage: string;
  readonly currentPhase: { readonly key: string; readonly name: string } | null;
  readonly steps: readonly { readonly key: string; readonly name: string; readonly required: boolean; readonly done: boolean }[];
  readonly requiredDone: number | null;
  readonly requiredTotal: number | null;
  readonly transition: { readonly status: string; readonly phaseKey?: string; readonly reason?: string };
  readonly participation: { readonly shouldAttend: number; readonly attended: number; readonly excused: readonly { reason: string; count: number }[] } | null;
  readonly stepsByPhase: Record<string, Record<string, { evidence: string; attachmentRef: string | null; quantity: number | null }>>;
}

export interface PublicProblem {
  readonly problemId: string;
  readonly responsibleUnitName: string;
  readonly category: string;
  readonly description: string;
  readonly statusName: string;
  readonly handlingName: string;
  readonly measures: readonly string[];
  readonly deadline: string | null;
  /** SHA-256 of the files of the published round, served without sign-in. */
  readonly files?: readonly string[];
}

export interface PublicSatisfaction {
  readonly campaignId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly threshold: number;
  readonly standingName: string;
  readonly openRound: number | null;
  readonly results: readonly { round: number; total: number; rate: number | null; passed: boolean | null }[];
}

export type MemberStatus = 'active' | 'mobile' | 'missing' | 'transferred_out' | 'deceased';

export interface RosterFigures {
  readonly counts: Record<MemberStatus, number>;
  readonly onRoll: number;
  readonly sought: number;
}

export interface SearchCase {
  readonly caseId: string;
  readonly lostSince: string;
  readonly lastKnown: string;
  readonly attempts: readonly { attemptId: string; on: string; method: string; result: string }[];
  readonly outcome?: string;
  readonly closedOn?: string;
  readonly note?: string;
}

export interface RosterMember {
  readonly memberId: string;
  readonly name: string;
  readonly status: MemberStatus;
  readonly statusName: string;
  readonly workplace: string | null;
  readonly toUnit: string | null;
  readonly search: SearchCase | null;
  readonly closedSearches?: readonly SearchCase[];
}

export interface UnitRoster extends RosterFigures {
  readonly asOf: AsOf;
  readonly unitId: string;
  readonly name: string;
  readonly namesShown: boolean;
  readonly members: readonly RosterMember[] | null;
}

export interface RosterCounts {
  readonly asOf: AsOf;
  readonly units: readonly (RosterFigures & { unitId: string; name: string; level: string | null; parentId: string | null })[];
  readonly rollups: readonly (RosterFigures & { unitId: string; name: string; level: string; levelName: string; units: number })[];
  readonly overall: RosterFigures & { units: number };
}

/** 重点任务调度: a unit's standing at a stock-take. */
export type PartStatus = 'done' | 'on_track' | 'behind' | 'not_reported';
export type StatusCounts = Record<PartStatus, number>;

export interface StockTakeSummary {
  readonly stockTakeId: string;
  readonly label: string;
  readonly dueOn: string;
  readonly open: boolean;
}

export interface KeyTaskSummary {
  readonly taskId: string;
  readonly title: string;
  readonly deadline: string;
  readonly definedAt: string;
  readonly target: { readonly quantity: number; readonly unit: string } | null;
  readonly unitCount: number;
  readonly stockTakeCount: number;
  readonly latest: (StockTakeSummary & { readonly counts: StatusCounts }) | null;
}

export interface ScheduleRow {
  readonly rank: number;
  readonly unitId: string;
  readonly name: string;
  readonly responsible: string;
  readonly status: PartStatus;
  readonly statusName: string;
  readonly value: number | null;
  readonly target: number | null;
  readonly share: number | null;
  readonly report: {
    readonly revision: number;
    readonly narrative: string;
    readonly evidence: readonly string[];
    readonly comments: readonly string[];
    readonly returned: { readonly reason: string } | null;
    readonly reportedAt: string;
  } | null;
  readonly history: readonly { readonly stockTakeId: string; readonly status: PartStatus }[];
}

export interface ScheduleRollup {
  readonly unitId: string;
  readonly name: string;
  readonly level: string;
  readonly levelName: string;
  readonly parts: number;
  readonly counts: StatusCounts;
  readonly onTrackShare: number | null;
  readonly rank: number;
}

export interface KeyTaskSchedule {
  readonly asOf?: AsOf;
  readonly task: { readonly taskId: string; readonly title: string; readonly description: string; readonly measuresOfDone: readonly string[]; readonly deadline: string; readonly definedAt: string; readonly target: KeyTaskSummary['target'] };
  readonly stockTakes: readonly (StockTakeSummary & { readonly counts: StatusCounts })[];
  readonly stockTake: (StockTakeSummary & { readonly expectedShare: number }) | null;
  readonly total: number;
  readonly counts: StatusCounts;
  readonly rows: readonly ScheduleRow[];
  readonly rollups: readonly ScheduleRollup[];
}

export interface KeyTaskNoticeSummary extends NoticeSummary {
  readonly stockTakeId: string;
}
