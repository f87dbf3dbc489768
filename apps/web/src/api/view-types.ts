/**
 * Response bodies the OpenAPI document does not describe yet. Request bodies and parameters are
 * typed from the generated schema (schema.d.ts); these local shapes hold only the fields the pages
 * read, and are replaced by generated ones as the document gains response schemas.
 */
export interface AsOf {
  readonly position: number;
  readonly at: string | null;
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

export interface Board {
  readonly asOf: AsOf;
  readonly campaign: { readonly campaignId: string; readonly name: string; readonly phases: readonly { key: string; name: string }[] };
  readonly rankByName: string;
  readonly metricsDefinition: string;
  readonly total: number;
  readonly rows: readonly BoardRow[];
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

export interface TimelineEvent {
  readonly position: number;
  readonly type: string;
  readonly typeName: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly backdated: boolean;
  readonly actor: Actor;
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
  readonly nextAfter: number | null;
  readonly items: readonly AuditEntry[];
}

export interface ChainReport {
  readonly ok: boolean;
  readonly checked: number;
  readonly headPosition: number;
  readonly firstBrokenPosition: number | null;
  readonly verdict: string;
  /** The latest signed checkpoint the chain was checked against; its text can be copied onto paper. */
  readonly checkpoint: { readonly position: number; readonly issuedAt: string; readonly text: string } | null;
}

export interface NoticeSummary {
  readonly noticeId: string;
  readonly title: string;
  readonly noticeDate: string;
  readonly position: number;
  readonly publishedBy: string;
  readonly publishedAt: string;
  readonly unitCount: number;
  readonly snapshotHash: string;
}

export interface Notice extends NoticeSummary {
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

export interface Health {
  readonly eventStore: { readonly headPosition: number };
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
  readonly threshold: number;
  readonly standingName: string;
  readonly openRound: number | null;
  readonly results: readonly { round: number; total: number; rate: number | null; passed: boolean | null }[];
}
