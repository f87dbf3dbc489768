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

const campaignUnit = (o: { campaignId: string; unitId: string }) => `/api/campaigns/${o.campaignId}/units/${o.unitId}`;
const stockTakeUnit = (o: { taskId: string; stockTakeId: string; unitId: string }) => `/api/key-tasks/${o.taskId}/stock-takes/${o.stockTakeId}/units/${o.unitId}`;

/** The route and body of an operation; null for the two that are not HTTP requests (bootstrap, the scheduled job). */
export function httpRequestOf(op: DemoOp): HttpRequest | null {
  const post = (path: string, body: unknown): HttpRequest => ({ method: 'POST', path, body });
  switch (op.type) {
    case 'BootstrapAdmin':
    case 'WarningCheck':
      return null;
    case 'RegisterUser':
      return post('/api/users', op.body);
    case 'ImportUnits':
      return post('/api/organizations/import', op.body);
    case 'CreateUnit':
      return post('/api/organizations', op.body);
    case 'ChangeMemberCount':
      return post(`/api/organizations/${op.unitId}/member-count`, op.body);
    case 'LaunchCampaign':
      return post('/api/campaigns', op.body);
    case 'EnrollUnits':
      return post(`/api/campaigns/${op.campaignId}/enrollments`, op.body);
    case 'RecordStep':
      return post(`${campaignUnit(op)}/steps`, op.body);
    case 'ImportMembers':
      return post(`/api/units/${op.unitId}/members/import`, op.body);
    case 'ChangeMemberStatus':
      return post(`/api/units/${op.unitId}/members/${op.memberId}/status`, op.body);
    case 'OpenMemberSearch':
      return post(`/api/units/${op.unitId}/members/${op.memberId}/search`, op.body);
    case 'RecordSearchAttempt':
      return post(`/api/units/${op.unitId}/members/${op.memberId}/search/attempts`, op.body);
    case 'CloseMemberSearch':
      return post(`/api/units/${op.unitId}/members/${op.memberId}/search/close`, op.body);
    case 'RecordMemberParticipation':
      return post(`${campaignUnit(op)}/member-participation`, op.body);
    case 'RecordParticipation':
      return post(`${campaignUnit(op)}/participation`, op.body);
    case 'ApplyForTransition':
      return post(`${campaignUnit(op)}/transition-applications`, op.body);
    case 'ApproveTransition':
      return post(`${campaignUnit(op)}/transition-applications/approve`, op.body);
    case 'RejectTransition':
      return post(`${campaignUnit(op)}/transition-applications/reject`, op.body);
    case 'ConcludeUnit':
      return post(`${campaignUnit(op)}/conclusion`, op.body);
    case 'OpenSatisfactionRound':
      return post(`${campaignUnit(op)}/satisfaction/rounds`, op.body);
    case 'RecordBallotTally':
      return post(`${campaignUnit(op)}/satisfaction/tallies`, op.body);
    case 'CastBallot':
      return post(`${campaignUnit(op)}/satisfaction/ballots`, op.body);
    case 'CloseSatisfactionRound':
      return post(`${campaignUnit(op)}/satisfaction/close`, op.body);
    case 'RegisterProblem':
      return post('/api/problems', op.body);
    case 'PlanRectification':
      return post(`/api/problems/${op.problemId}/plan`, op.body);
    case 'PublishPlan':
      return post(`/api/problems/${op.problemId}/publish`, op.body);
    case 'RecordProgress':
      return post(`/api/problems/${op.problemId}/progress`, op.body);
    case 'ChangeDeadline':
      return post(`/api/problems/${op.problemId}/deadline`, op.body);
    case 'ClaimFixed':
      return post(`/api/problems/${op.problemId}/claim-fixed`, op.body);
    case 'AcceptFix':
      return post(`/api/problems/${op.problemId}/accept-fix`, op.body);
    case 'NoteSupervision':
      return post(`/api/problems/${op.problemId}/supervision-notes`, op.body);
    case 'RejectFix':
      return post(`/api/problems/${op.problemId}/reject-fix`, op.body);
    case 'CloseProblem':
      return post(`/api/problems/${op.problemId}/close`, op.body);
    case 'DeferProblem':
      return post(`/api/problems/${op.problemId}/defer`, op.body);
    case 'ReviewDeferral':
      return post(`/api/problems/${op.problemId}/deferral-review`, op.body);
    case 'ResumeRectification':
      return post(`/api/problems/${op.problemId}/resume`, op.body);
    case 'EscalateToJoint':
      return post(`/api/problems/${op.problemId}/escalate`, op.body);
    case 'RecordPartProgress':
      return post(`/api/problems/${op.problemId}/parts/${op.partId}/progress`, op.body);
    case 'ChangePartDeadline':
      return post(`/api/problems/${op.problemId}/parts/${op.partId}/deadline`, op.body);
    case 'ClosePart':
      return post(`/api/problems/${op.problemId}/parts/${op.partId}/close`, op.body);
    case 'RecheckProblem':
      return post(`/api/problems/${op.problemId}/recheck`, op.body);
    case 'PublishAssessmentScheme':
      return post('/api/assessment-schemes', op.body);
    case 'OpenAssessmentPeriod':
      return post('/api/assessments', op.body);
    case 'SubmitSelfAssessment':
      return post(`/api/assessments/${op.periodId}/units/${op.unitId}/self-assessment`, op.body);
    case 'ScoreAssessment':
      return post(`/api/assessments/${op.periodId}/units/${op.unitId}/score`, op.body);
    case 'ModerateAssessment':
      return post(`/api/assessments/${op.periodId}/units/${op.unitId}/moderation`, op.body);
    case 'PublishAssessmentResults':
      return post(`/api/assessments/${op.periodId}/publication`, op.body);
    case 'LodgeAssessmentAppeal':
      return post(`/api/assessments/${op.periodId}/units/${op.unitId}/appeals`, op.body);
    case 'DecideAssessmentAppeal':
      return post(`/api/assessments/${op.periodId}/appeals/${op.appealId}/decision`, op.body);
    case 'RecommendDemonstrationPoint':
      return post(`/api/demonstration-points/${op.unitId}/recommendation`, op.body);
    case 'DecideDemonstrationRecommendation':
      return post(`/api/demonstration-points/${op.unitId}/confirmation`, op.body);
    case 'AssessDemonstrationPoint':
      return post(`/api/demonstration-points/${op.unitId}/assessments`, op.body);
    case 'DefineKeyTask':
      return post('/api/key-tasks', op.body);
    case 'AssignTaskParts':
      return post(`/api/key-tasks/${op.taskId}/parts`, op.body);
    case 'ScheduleStockTake':
      return post(`/api/key-tasks/${op.taskId}/stock-takes`, op.body);
    case 'ReportTaskProgress':
      return post(`${stockTakeUnit(op)}/reports`, op.body);
    case 'CommentTaskReport':
      return post(`${stockTakeUnit(op)}/comments`, op.body);
    case 'ReturnTaskReport':
      return post(`${stockTakeUnit(op)}/return`, op.body);
    case 'CloseStockTake':
      return post(`/api/key-tasks/${op.taskId}/stock-takes/${op.stockTakeId}/close`, op.body);
    case 'IssueInstruction':
      return post('/api/instructions', op.body);
    case 'AcknowledgeInstruction':
      return post(`/api/instructions/${op.instructionId}/units/${op.unitId}/acknowledgement`, op.body);
    case 'ReportOnInstruction':
      return post(`/api/instructions/${op.instructionId}/units/${op.unitId}/report`, op.body);
    case 'PublishNotice':
      return post(`/api/campaigns/${op.campaignId}/notices`, op.body);
  }
}
