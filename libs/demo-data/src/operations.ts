import type { CreateUnitInput } from '@platform/organizations';
import { ExcusedMembers, GradeCounts, PlannedPhase, ProblemSource, RankKey, Role, SatisfactionGrade, TimingClass, UnitLevel, UnitType } from '@platform/domain';

/**
 * Every action of the demo city is a request the platform's HTTP API accepts, with its body as the
 * API's DTO declares it. The generator runs each one through the use case behind the route, in
 * memory (see engine.ts); the fidelity test sends the same requests over HTTP.
 */
export type DemoOp =
  | { type: 'BootstrapAdmin'; username: string; password: string }
  | { type: 'RegisterUser'; body: RegisterUserBody }
  | { type: 'ImportUnits'; body: { units: ImportRow[] } }
  | { type: 'CreateUnit'; body: CreateUnitInput }
  | { type: 'ChangeMemberCount'; unitId: string; body: { memberCount: number } }
  | { type: 'LaunchCampaign'; body: LaunchCampaignBody }
  | { type: 'EnrollUnits'; campaignId: string; body: { unitIds: string[] } }
  | UnitOp<'RecordStep', { phaseKey: string; stepKey: string; evidence: string; attachmentRef?: string; quantity?: number; occurredAt?: string }>
  | UnitOp<'RecordParticipation', { shouldAttend: number; attended: number; excused: ExcusedMembers[]; occurredAt?: string }>
  | UnitOp<'ApplyForTransition', { phaseKey: string; note: string }>
  | UnitOp<'ApproveTransition', { phaseKey: string; comment: string }>
  | UnitOp<'RejectTransition', { phaseKey: string; reason: string }>
  | UnitOp<'ConcludeUnit', { summary: string }>
  | UnitOp<'OpenSatisfactionRound', { round: number }>
  | UnitOp<'RecordBallotTally', { round: number; tallyId: string; meeting: string; counts: GradeCounts }>
  | UnitOp<'CastBallot', { round: number; ballotId: string; grade: SatisfactionGrade }>
  | UnitOp<'CloseSatisfactionRound', { round: number }>
  | { type: 'RegisterProblem'; body: RegisterProblemBody }
  | ProblemOp<'PlanRectification', { measures: string[]; timing: TimingClass; deadline: string | null }>
  | ProblemOp<'PublishPlan', Record<string, never>>
  | ProblemOp<'RecordProgress', { note: string; attachmentRefs?: string[]; occurredAt?: string }>
  | ProblemOp<'ChangeDeadline', { deadline: string; reason: string }>
  | ProblemOp<'ClaimFixed', { evidence: string; attachmentRefs?: string[] }>
  | ProblemOp<'AcceptFix', { comment: string }>
  | ProblemOp<'RejectFix', { reason: string }>
  | ProblemOp<'CloseProblem', { mechanisms: string | null }>
  | ProblemOp<'DeferProblem', { constraint: string; explanation: { text: string; date: string }; reReviewDate: string; gradualMeasures: string[] }>
  | ProblemOp<'ReviewDeferral', { finding: string; reReviewDate: string }>
  | ProblemOp<'ResumeRectification', { note: string; deadline: string | null }>
  | ProblemOp<'EscalateToJoint', { coordinatorUnitId: string; reason: string; parts: { partId: string; unitId: string; description: string; deadline: string }[] }>
  | PartOp<'RecordPartProgress', { note: string; attachmentRefs?: string[]; occurredAt?: string }>
  | PartOp<'ChangePartDeadline', { deadline: string; reason: string }>
  | PartOp<'ClosePart', { evidence: string }>
  | ProblemOp<'NoteSupervision', { finding: string; demand: string; dueBy: string }>
  | ProblemOp<'RecheckProblem', { lookBackCampaignId: string; outcome: 'held' | 'rebounded'; finding: string }>
  | { type: 'PublishAssessmentScheme'; body: PublishSchemeBody }
  | { type: 'OpenAssessmentPeriod'; body: OpenPeriodBody }
  | PeriodUnitOp<'SubmitSelfAssessment', { marks: DemoMarks; note?: string }>
  | PeriodUnitOp<'ScoreAssessment', { marks: DemoMarks; reason?: string }>
  | PeriodUnitOp<'ModerateAssessment', { criterionId: string; mark: DemoMarks[string]; reason: string }>
  | { type: 'PublishAssessmentResults'; periodId: string; body: Record<string, never> }
  | PeriodUnitOp<'LodgeAssessmentAppeal', { appealId: string; reason: string }>
  | { type: 'DecideAssessmentAppeal'; periodId: string; appealId: string; body: { upheld: boolean; reason: string; marks?: DemoMarks } }
  | PointOp<'RecommendDemonstrationPoint', { year: number; level: 'city' | 'county'; reason: string }>
  | PointOp<'DecideDemonstrationRecommendation', { confirmed: boolean; reason?: string }>
  | PointOp<'AssessDemonstrationPoint', { year: number; periodId?: string; passed?: boolean; score?: number; note?: string; reviewEveryYears?: number }>
  | MemberRosterOp
  | { type: 'DefineKeyTask'; body: { taskId: string; title: string; description: string; measuresOfDone: string[]; deadline: string; target?: { quantity: number; unit: string } } }
  | { type: 'AssignTaskParts'; taskId: string; body: { parts: { unitId: string; responsible: string; target?: number }[] } }
  | { type: 'ScheduleStockTake'; taskId: string; body: { stockTakeId: string; label: string; dueOn: string } }
  | StockTakeUnitOp<'ReportTaskProgress', { value?: number; done: boolean; narrative: string; evidence: string[] }>
  | StockTakeUnitOp<'CommentTaskReport', { comment: string }>
  | StockTakeUnitOp<'ReturnTaskReport', { reason: string }>
  | { type: 'CloseStockTake'; taskId: string; stockTakeId: string; body: Record<string, never> }
  | { type: 'IssueInstruction'; body: IssueInstructionBody }
  | InstructionOp<'AcknowledgeInstruction', { note?: string }>
  | InstructionOp<'ReportOnInstruction', { report: string }>
  | { type: 'PublishNotice'; campaignId: string; body: { noticeId: string; title: string; noticeDate: string; rankBy: RankKey } }
  /** A run of the deadline-warning job: every problem (the day's first run) or those touched since the last run. */
  | { type: 'WarningCheck'; problemIds: string[] | null };

/** 党员名册 and 查找党员 (member-roster-scenario.ts). */
export type MemberRosterOp =
  | { type: 'ImportMembers'; unitId: string; body: { csv: string } }
  | MemberOp<'ChangeMemberStatus', { to: 'active' | 'mobile' | 'transferred_out' | 'deceased'; workplace?: string; toUnit?: string; effectiveOn: string; reason?: string }>
  | MemberOp<'OpenMemberSearch', { caseId: string; lastKnown: string; lostSince: string }>
  | MemberOp<'RecordSearchAttempt', { attemptId: string; on: string; method: string; result: string }>
  | MemberOp<'CloseMemberSearch', { outcome: 'found' | 'deceased' | 'transferred_out'; to?: 'active' | 'mobile'; workplace?: string; on: string; note: string }>
  | UnitOp<'RecordMemberParticipation', { stepKey: string; attended: string[]; excused: { memberId: string; reason: string }[] }>;

type MemberOp<T extends string, B> = { type: T; unitId: string; memberId: string; body: B };
type UnitOp<T extends string, B> = { type: T; campaignId: string; unitId: string; body: B };
type ProblemOp<T extends string, B> = { type: T; problemId: string; body: B };
type PartOp<T extends string, B> = { type: T; problemId: string; partId: string; body: B };
type PeriodUnitOp<T extends string, B> = { type: T; periodId: string; unitId: string; body: B };
type PointOp<T extends string, B> = { type: T; unitId: string; body: B };

export type DemoMarks = Record<string, { points: number } | { passed: boolean } | { items: number }>;

export interface PublishSchemeBody {
  schemeId: string;
  title: string;
  criteria: { criterionId: string; title: string; rule: { kind: 'points' | 'pass_fail' | 'deduction'; max: number; perItem?: number } }[];
  bands: { grade: string; minScore: number }[];
  subject?: { unitTypes: UnitType[]; post?: string };
  reason?: string;
}

export interface OpenPeriodBody {
  periodId: string;
  title: string;
  schemeId: string;
  from: string;
  to: string;
  unitIds: string[];
}
type StockTakeUnitOp<T extends string, B> = { type: T; taskId: string; stockTakeId: string; unitId: string; body: B };
type InstructionOp<T extends string, B> = { type: T; instructionId: string; unitId: string; body: B };

export interface IssueInstructionBody {
  instructionId: string;
  targetKind: 'problem' | 'unit' | 'notice';
  targetId: string;
  text: string;
  addressedUnitIds: string[];
  deadline?: string;
}

export interface ImportRow {
  unitId: string;
  name: string;
  level: UnitLevel;
  unitType: UnitType;
  parentId: string;
  memberCount: number;
}

export interface RegisterUserBody {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  scopeUnitIds: string[];
  contactPointUnitIds?: string[];
  password: string;
}

export interface LaunchCampaignBody {
  campaignId: string;
  name: string;
  templateKey: string;
  batch: number;
  parentCampaignId?: string;
  unitIds: string[];
  plannedPhases: PlannedPhase[];
}

export interface RegisterProblemBody {
  problemId: string;
  campaignId: string;
  responsibleUnitId: string;
  source: ProblemSource;
  category: string;
  description: string;
  responsibleLeader: { name: string; userId?: string };
  handler: { name: string; userId?: string };
  discoveredAt: string;
  occurredAt?: string;
}

/** Who sends a request: a user id, the public (no sign-in), or the platform itself. */
export type Caller = string;
export const ANONYMOUS = 'anonymous';
export const SYSTEM = 'system';

export interface DemoAction {
  /** When the request reaches the platform (epoch ms): the clock of the command path. */
  readonly at: number;
  readonly seq: number;
  readonly by: Caller;
  readonly op: DemoOp;
}

export interface HttpRequest {
  readonly method: 'POST';
  readonly path: string;
  readonly body: unknown;
}

/** The operations sent as requests: all but the two that are not HTTP requests (bootstrap, the scheduled job). */
type HttpOp = Exclude<DemoOp, { type: 'BootstrapAdmin' } | { type: 'WarningCheck' }>;

/** Each request's route, written as its edge declares it; `:name` is the operation's field of that name. */
const ROUTES: Record<HttpOp['type'], string> = {
  RegisterUser: '/api/users',
  ImportUnits: '/api/organizations/import',
  CreateUnit: '/api/organizations',
  ChangeMemberCount: '/api/organizations/:unitId/member-count',
  LaunchCampaign: '/api/campaigns',
  EnrollUnits: '/api/campaigns/:campaignId/enrollments',
  RecordStep: '/api/campaigns/:campaignId/units/:unitId/steps',
  ImportMembers: '/api/units/:unitId/members/import',
  ChangeMemberStatus: '/api/units/:unitId/members/:memberId/status',
  OpenMemberSearch: '/api/units/:unitId/members/:memberId/search',
  RecordSearchAttempt: '/api/units/:unitId/members/:memberId/search/attempts',
  CloseMemberSearch: '/api/units/:unitId/members/:memberId/search/close',
  RecordMemberParticipation: '/api/campaigns/:campaignId/units/:unitId/member-participation',
  RecordParticipation: '/api/campaigns/:campaignId/units/:unitId/participation',
  ApplyForTransition: '/api/campaigns/:campaignId/units/:unitId/transition-applications',
  ApproveTransition: '/api/campaigns/:campaignId/units/:unitId/transition-applications/approve',
  RejectTransition: '/api/campaigns/:campaignId/units/:unitId/transition-applications/reject',
  ConcludeUnit: '/api/campaigns/:campaignId/units/:unitId/conclusion',
  OpenSatisfactionRound: '/api/campaigns/:campaignId/units/:unitId/satisfaction/rounds',
  RecordBallotTally: '/api/campaigns/:campaignId/units/:unitId/satisfaction/tallies',
  CastBallot: '/api/campaigns/:campaignId/units/:unitId/satisfaction/ballots',
  CloseSatisfactionRound: '/api/campaigns/:campaignId/units/:unitId/satisfaction/close',
  RegisterProblem: '/api/problems',
  PlanRectification: '/api/problems/:problemId/plan',
  PublishPlan: '/api/problems/:problemId/publish',
  RecordProgress: '/api/problems/:problemId/progress',
  ChangeDeadline: '/api/problems/:problemId/deadline',
  ClaimFixed: '/api/problems/:problemId/claim-fixed',
  AcceptFix: '/api/problems/:problemId/accept-fix',
  NoteSupervision: '/api/problems/:problemId/supervision-notes',
  RejectFix: '/api/problems/:problemId/reject-fix',
  CloseProblem: '/api/problems/:problemId/close',
  DeferProblem: '/api/problems/:problemId/defer',
  ReviewDeferral: '/api/problems/:problemId/deferral-review',
  ResumeRectification: '/api/problems/:problemId/resume',
  EscalateToJoint: '/api/problems/:problemId/escalate',
  RecordPartProgress: '/api/problems/:problemId/parts/:partId/progress',
  ChangePartDeadline: '/api/problems/:problemId/parts/:partId/deadline',
  ClosePart: '/api/problems/:problemId/parts/:partId/close',
  RecheckProblem: '/api/problems/:problemId/recheck',
  PublishAssessmentScheme: '/api/assessment-schemes',
  OpenAssessmentPeriod: '/api/assessments',
  SubmitSelfAssessment: '/api/assessments/:periodId/units/:unitId/self-assessment',
  ScoreAssessment: '/api/assessments/:periodId/units/:unitId/score',
  ModerateAssessment: '/api/assessments/:periodId/units/:unitId/moderation',
  PublishAssessmentResults: '/api/assessments/:periodId/publication',
  LodgeAssessmentAppeal: '/api/assessments/:periodId/units/:unitId/appeals',
  DecideAssessmentAppeal: '/api/assessments/:periodId/appeals/:appealId/decision',
  RecommendDemonstrationPoint: '/api/demonstration-points/:unitId/recommendation',
  DecideDemonstrationRecommendation: '/api/demonstration-points/:unitId/confirmation',
  AssessDemonstrationPoint: '/api/demonstration-points/:unitId/assessments',
  DefineKeyTask: '/api/key-tasks',
  AssignTaskParts: '/api/key-tasks/:taskId/parts',
  ScheduleStockTake: '/api/key-tasks/:taskId/stock-takes',
  ReportTaskProgress: '/api/key-tasks/:taskId/stock-takes/:stockTakeId/units/:unitId/reports',
  CommentTaskReport: '/api/key-tasks/:taskId/stock-takes/:stockTakeId/units/:unitId/comments',
  ReturnTaskReport: '/api/key-tasks/:taskId/stock-takes/:stockTakeId/units/:unitId/return',
  CloseStockTake: '/api/key-tasks/:taskId/stock-takes/:stockTakeId/close',
  IssueInstruction: '/api/instructions',
  AcknowledgeInstruction: '/api/instructions/:instructionId/units/:unitId/acknowledgement',
  ReportOnInstruction: '/api/instructions/:instructionId/units/:unitId/report',
  PublishNotice: '/api/campaigns/:campaignId/notices',
};

/** The route and body of an operation; null for the two that are not HTTP requests (bootstrap, the scheduled job). */
export function httpRequestOf(op: DemoOp): HttpRequest | null {
  if (op.type === 'BootstrapAdmin' || op.type === 'WarningCheck') return null;
  const path = ROUTES[op.type].replace(/:(\w+)/g, (_, name: string) => {
    const value = (op as unknown as Record<string, unknown>)[name];
    if (typeof value !== 'string') throw new Error(`${op.type} has no ${name} for its route`);
    return value;
  });
  return { method: 'POST', path, body: op.body };
}
