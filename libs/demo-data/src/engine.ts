import {
  applyForTransition,
  approveTransition,
  concludeUnit,
  enrollUnits,
  launchCampaign,
  recordParticipation,
  recordStep,
  rejectTransition,
} from '@platform/campaigns';
import {
  AssessmentPorts,
  assessDemonstrationPoint,
  decideAssessmentAppeal,
  decideDemonstrationRecommendation,
  lodgeAssessmentAppeal,
  moderateAssessment,
  openAssessmentPeriod,
  publishAssessmentResults,
  publishAssessmentScheme,
  recommendDemonstrationPoint,
  scoreAssessment,
  submitSelfAssessment,
} from '@platform/assessments';
import { ActorScope, CommandMeta, CommandResult, ProcessUseCase, NO_SCOPE, runUseCase, StreamCommandRunner, StreamUseCase } from '@platform/common';
import {
  Actor,
  assessmentDecider,
  AssessmentEvent,
  assessmentSchemeDecider,
  AssessmentSchemeEvent,
  assessmentSchemeStreamId,
  assessmentStreamId,
  CommandContext,
  DomainEvent,
  DomainRuleError,
  fold,
  ImportRecord,
  openDeadlines,
  ProblemState,
  problemStreamId,
  Role,
  usernameStreamId,
} from '@platform/domain';
import { SqliteEventStore } from '@platform/event-store';
import { IdentityPorts, registerUser } from '@platform/identity';
import { assignTaskParts, closeStockTake, commentTaskReport, defineKeyTask, reportTaskProgress, returnTaskReport, scheduleStockTake } from '@platform/key-tasks';
import { acknowledgeInstruction, InstructionPorts, issueInstruction, reportOnInstruction } from '@platform/instructions';
import { changeMemberCount, createUnit, importUnits } from '@platform/organizations';
import { changeMemberStatus, closeMemberSearch, importMembers, openMemberSearch, parseMemberCsv, recordMemberParticipation, recordSearchAttempt } from '@platform/members';
import {
  acceptFix,
  ANONYMOUS_VOTER,
  castBallot,
  changeDeadline,
  changePartDeadline,
  checkDeadlines,
  claimFixed,
  closePart,
  closeProblem,
  closeSatisfactionRound,
  deferProblem,
  escalateToJoint,
  openSatisfactionRound,
  planRectification,
  publishPlan,
  recheckProblem,
  recordBallotTally,
  recordPartProgress,
  recordProgress,
  noteSupervision,
  RectificationPorts,
  registerProblem,
  rejectFix,
  resumeRectification,
  reviewDeferral,
  unitsOfProblem,
  WARNING_JOB_ACTOR,
} from '@platform/rectification';
import { NoticePorts, publishNotice, readBoard } from '@platform/views';
import { Calendar, iso, MINUTE } from './calendar';
import { DemoBoard } from './demo-board';
import { DemoStreams } from './demo-streams';
import { DemoEvidence } from './evidence-files';
import { ANONYMOUS, DemoAction, DemoOp, SYSTEM } from './operations';
import { DEMO_PASSWORDS } from './people';
import { Rng } from './random';

export { WARNING_JOB_ACTOR };
/** Who bootstraps the first administrator (libs/identity/src/administrator-bootstrap.ts). */
const BOOTSTRAP_ACTOR: Actor = { userId: 'system', role: 'admin', unitId: null };

export interface EngineProgress {
  readonly done: number;
  readonly total: number;
  readonly events: number;
  readonly at: number;
}

export interface EngineOptions {
  readonly store: SqliteEventStore;
  readonly calendar: Calendar;
  /** Ids of events, correlations and causations. */
  readonly ids: Rng;
  /** One argon2 hash per role: the role's demo password. */
  readonly passwordHashes: Readonly<Record<string, string>>;
  /** Every executed request in order, including the warning job's runs that raised something. */
  readonly onAction?: (action: DemoAction) => void;
  readonly onProgress?: (progress: EngineProgress) => void;
  /** The store's clock is set to the end of each batch: recordedAt follows occurredAt within this window. */
  readonly batchWindowMs?: number;
  readonly batchMaxWrites?: number;
}

export class DemoEngineError extends Error {
  constructor(readonly action: DemoAction, override readonly cause: unknown) {
    super(`demo city: ${action.op.type} by ${action.by} at ${iso(action.at)} was refused: ${cause instanceof Error ? `${(cause as DomainRuleError).code ?? ''} ${cause.message}` : String(cause)}`);
  }
}

/**
 * Sends the scenario's requests through the platform's own use cases — the same facts, toCommand,
 * decider and envelope as the HTTP path — with every stream kept in memory (DemoStreams) and the
 * appends grouped, so a city of ~300,000 events is written in a minute. What is left here is the
 * schedule: who does what when, batches, and the deadline-warning job's runs.
 */
export class DemoEngine {
  private readonly streams: DemoStreams;
  private readonly runner: StreamCommandRunner;
  private readonly ports: DemoPorts;
  private readonly noticePorts: NoticePorts;
  /** The time of the request being executed: the command path's clock. */
  private now = 0;
  private touched = new Set<string>();
  private nextHourly: number | null = null;
  private nextDaily: number | null = null;
  private batchStart = 0;
  private batchLast = 0;
  private clockMs = 0;
  private done = 0;
  private total = 0;
  readonly credentials: { userId: string; hash: string; at: string }[] = [];
  /** The files some steps, progress notes and claims attach (evidence-files.ts). */
  readonly evidence = new DemoEvidence();

  constructor(private readonly o: EngineOptions) {
    this.streams = new DemoStreams(o.store);
    this.runner = new StreamCommandRunner(this.streams, () => new Date(this.now), () => o.ids.uuid());
    const hashes = new Map(Object.entries(DEMO_PASSWORDS).map(([role, password]) => [password, o.passwordHashes[role]]));
    this.ports = {
      tree: async () => this.streams.tree,
      campaign: async (campaignId) => this.streams.campaign(campaignId),
      scheme: async (schemeId) => fold(assessmentSchemeDecider, (await this.streams.readStream(assessmentSchemeStreamId(schemeId))) as unknown as AssessmentSchemeEvent[]),
      period: async (periodId) => fold(assessmentDecider, (await this.streams.readStream(assessmentStreamId(periodId))) as unknown as AssessmentEvent[]),
      usernameTaken: async (username) => this.streams.has(usernameStreamId(username)),
      problemUnits: async (problemId) => {
        const s = this.streams.stateOf<ProblemState>(problemStreamId(problemId));
        return s?.exists ? unitsOfProblem(s) : null;
      },
      // The demo city publishes no notices (they are an office's act on the day, not history).
      notice: async () => null,
      storePassword: async (userId, password) => {
        const hash = hashes.get(password);
        if (!hash) throw new Error(`no demo password hash for ${userId}`);
        this.credentials.push({ userId, hash, at: iso(this.now) });
      },
    };
    const board = new DemoBoard(o.store);
    // A notice is published right after a flush: the store's head is the command path's head.
    this.noticePorts = {
      headPosition: async () => this.streams.eventCount,
      treeAt: async (position) => {
        if (position !== this.streams.eventCount) throw new Error(`demo city: the tree is at ${this.streams.eventCount}, not ${position}`);
        return this.streams.tree;
      },
      boardAt: async (position, tree, campaignId, units, query) => readBoard(await board.at(position), tree, campaignId, units, query),
    };
  }

  get tree() {
    return this.streams.tree;
  }

  get eventCount(): number {
    return this.streams.eventCount;
  }

  get eventTypes(): ReadonlyMap<string, number> {
    return this.streams.eventTypes;
  }

  get warningLevels(): Record<string, number> {
    return this.streams.warningLevels;
  }

  /** Every stream's final state (for the summary). */
  entries(): Iterable<[string, unknown]> {
    return this.streams.entries();
  }

  /** The clock the store reads recordedAt from. */
  clock = (): Date => new Date(this.clockMs);

  async run(actions: readonly DemoAction[], until: number): Promise<void> {
    this.total = actions.length;
    const window = this.o.batchWindowMs ?? 10 * MINUTE;
    const maxWrites = this.o.batchMaxWrites ?? 4000;
    for (const a of actions) {
      await this.ticksUntil(a.at, window, maxWrites);
      await this.batchFor(a.at, window, maxWrites);
      await this.execute(a);
      this.done++;
      if (this.done % 2000 === 0) this.o.onProgress?.({ done: this.done, total: this.total, events: this.eventCount, at: a.at });
    }
    await this.ticksUntil(until, window, maxWrites);
    await this.flush();
    this.o.onProgress?.({ done: this.done, total: this.total, events: this.eventCount, at: until });
  }

  private async batchFor(at: number, window: number, maxWrites: number): Promise<void> {
    if (this.streams.queued > 0 && (at - this.batchStart > window || this.streams.pendingWrites >= maxWrites)) await this.flush();
    if (this.streams.queued === 0) this.batchStart = at;
    this.batchLast = Math.max(this.batchLast, at);
  }

  /** Group commit: everything queued since the last flush commits in one transaction, recorded a moment after the last request. */
  async flush(): Promise<void> {
    if (this.streams.queued === 0) return;
    this.clockMs = Math.max(this.clockMs, this.batchLast + 1000);
    await this.streams.flush();
  }

  // ------------------------------------------------------------------ the deadline-warning job's schedule

  private async ticksUntil(t: number, window: number, maxWrites: number): Promise<void> {
    for (;;) {
      const hourly = this.nextHourly ?? Infinity;
      const daily = this.nextDaily ?? Infinity;
      const tick = Math.min(hourly, daily);
      if (tick > t) return;
      await this.batchFor(tick, window, maxWrites);
      if (daily <= hourly) {
        await this.warningCheck(tick, null);
        this.nextDaily = daily + 24 * 60 * MINUTE;
        this.touched.clear();
        this.nextHourly = null;
      } else {
        const ids = this.streams.problemOrder.filter((id) => this.touched.has(id));
        this.touched.clear();
        this.nextHourly = null;
        await this.warningCheck(tick, ids);
      }
    }
  }

  /** One run of the job's check over every problem (or those touched since the last run), in registration order. */
  private async warningCheck(at: number, only: string[] | null): Promise<void> {
    this.now = at;
    const meta: CommandMeta = { actor: WARNING_JOB_ACTOR, scope: NO_SCOPE, correlationId: this.o.ids.uuid() };
    const problems = (only ?? this.streams.problemOrder).map((id) => this.streams.stateOf<ProblemState>(problemStreamId(id))!);
    const report = await checkDeadlines(problems, this.o.calendar.date(at), this.ports, this.runner, meta);
    if (report.failed.length > 0) throw new Error(`warning check at ${iso(at)} failed: ${JSON.stringify(report.failed)}`);
    if (report.raised.length > 0) this.o.onAction?.({ at, seq: -1, by: WARNING_JOB_ACTOR.userId, op: { type: 'WarningCheck', problemIds: only } });
  }

  /** After a command on a problem, the next hourly run looks at it again (a new deadline may be due at once). */
  private touch(problemId: string, at: number): void {
    const s = this.streams.stateOf<ProblemState>(problemStreamId(problemId));
    if (!s || openDeadlines(s).length === 0) return;
    this.touched.add(problemId);
    this.nextHourly ??= this.o.calendar.nextHourlyTick(at);
    this.nextDaily ??= this.o.calendar.nextDailyTick(at);
  }

  // ------------------------------------------------------------------ who sends what

  /** The scope the sign-in gives a user (libs/identity/src/auth/authenticator.ts), which the notice and instruction use cases take as input. */
  private scopeOf(by: string): ActorScope {
    const user = this.streams.user(by);
    if (!user) throw new Error(`unknown user ${by}`);
    return { all: user.role === 'admin', roots: [...user.scopeUnitIds, ...user.contactPointUnitIds] };
  }

  private actorOf(by: string): Actor {
    if (by === ANONYMOUS) return ANONYMOUS_VOTER;
    if (by === SYSTEM) return BOOTSTRAP_ACTOR;
    const user = this.streams.user(by);
    if (!user) throw new Error(`unknown user ${by}`);
    if (user.disabled) throw new Error(`user ${by} is disabled`);
    return { userId: user.userId, role: user.role as Role, unitId: user.unitId };
  }

  private async execute(planned: DemoAction): Promise<void> {
    const a = await this.evidence.attach(planned);
    try {
      this.now = a.at;
      await this.route(a);
    } catch (error) {
      throw new DemoEngineError(a, error);
    }
    this.o.onAction?.(a);
  }

  /** A request through its use case, as its route would send it; the correlation id is drawn when the first event is enveloped. */
  private send<I, C extends CommandContext, S, E extends DomainEvent, F>(
    a: DemoAction,
    useCase: StreamUseCase<I, C, S, E, F, DemoPorts> | ProcessUseCase<I, DemoPorts>,
    input: I,
  ): Promise<CommandResult> {
    return this.sendWith(this.ports, a, useCase, input);
  }

  private sendWith<I, C extends CommandContext, S, E extends DomainEvent, F, P>(
    ports: P,
    a: DemoAction,
    useCase: StreamUseCase<I, C, S, E, F, P> | ProcessUseCase<I, P>,
    input: I,
  ): Promise<CommandResult> {
    const ids = this.o.ids;
    let correlationId: string | undefined;
    const meta: CommandMeta = { actor: this.actorOf(a.by), scope: NO_SCOPE, get correlationId() { return (correlationId ??= ids.uuid()); } };
    return runUseCase(this.runner, ports, useCase, input, meta);
  }

  /** The board a notice ranks is read from the stored events: what is queued is committed first. */
  private async publishNotice(a: DemoAction, op: Extract<DemoOp, { type: 'PublishNotice' }>): Promise<CommandResult> {
    await this.flush();
    return this.sendWith(this.noticePorts, a, publishNotice, { campaignId: op.campaignId, scope: this.scopeOf(a.by), ...op.body });
  }

  /** Which use case each request goes to, with its path parameters and body as the route joins them. */
  private readonly routes: { [T in RoutedOp['type']]: (a: DemoAction, op: Extract<RoutedOp, { type: T }>) => Promise<unknown> } = {
    BootstrapAdmin: (a, op) =>
      this.send(a, registerUser, { userId: op.username, username: op.username, displayName: '系统管理员', role: 'admin', scopeUnitIds: [], password: op.password }),
    RegisterUser: (a, op) => this.send(a, registerUser, op.body),
    ImportUnits: (a, op) => this.send(a, importUnits, { request: op.body, records: op.body.units as unknown as ImportRecord[] }),
    CreateUnit: (a, op) => this.send(a, createUnit, op.body),
    ChangeMemberCount: (a, op) => this.send(a, changeMemberCount, { unitId: op.unitId, ...op.body }),
    LaunchCampaign: (a, op) => this.send(a, launchCampaign, op.body),
    EnrollUnits: (a, op) => this.send(a, enrollUnits, { campaignId: op.campaignId, ...op.body }),
    RecordStep: (a, op) => this.send(a, recordStep, unitInput(op)),
    RecordParticipation: (a, op) => this.send(a, recordParticipation, unitInput(op)),
    ApplyForTransition: (a, op) => this.send(a, applyForTransition, unitInput(op)),
    ApproveTransition: (a, op) => this.send(a, approveTransition, unitInput(op)),
    RejectTransition: (a, op) => this.send(a, rejectTransition, unitInput(op)),
    ConcludeUnit: (a, op) => this.send(a, concludeUnit, unitInput(op)),
    OpenSatisfactionRound: (a, op) => this.send(a, openSatisfactionRound, unitInput(op)),
    RecordBallotTally: (a, op) => this.send(a, recordBallotTally, unitInput(op)),
    CastBallot: (a, op) => this.send(a, castBallot, unitInput(op)),
    CloseSatisfactionRound: (a, op) => this.send(a, closeSatisfactionRound, unitInput(op)),
    RegisterProblem: (a, op) => this.send(a, registerProblem, op.body),
    PlanRectification: (a, op) => this.send(a, planRectification, problemInput(op)),
    PublishPlan: (a, op) => this.send(a, publishPlan, problemInput(op)),
    RecordProgress: (a, op) => this.send(a, recordProgress, problemInput(op)),
    NoteSupervision: (a, op) => this.send(a, noteSupervision, problemInput(op)),
    ChangeDeadline: (a, op) => this.send(a, changeDeadline, problemInput(op)),
    ClaimFixed: (a, op) => this.send(a, claimFixed, problemInput(op)),
    AcceptFix: (a, op) => this.send(a, acceptFix, problemInput(op)),
    RejectFix: (a, op) => this.send(a, rejectFix, problemInput(op)),
    CloseProblem: (a, op) => this.send(a, closeProblem, problemInput(op)),
    DeferProblem: (a, op) => this.send(a, deferProblem, problemInput(op)),
    ReviewDeferral: (a, op) => this.send(a, reviewDeferral, problemInput(op)),
    ResumeRectification: (a, op) => this.send(a, resumeRectification, problemInput(op)),
    EscalateToJoint: (a, op) => this.send(a, escalateToJoint, problemInput(op)),
    RecordPartProgress: (a, op) => this.send(a, recordPartProgress, partInput(op)),
    ChangePartDeadline: (a, op) => this.send(a, changePartDeadline, partInput(op)),
    ClosePart: (a, op) => this.send(a, closePart, partInput(op)),
    RecheckProblem: (a, op) => this.send(a, recheckProblem, problemInput(op)),
    PublishAssessmentScheme: (a, op) => this.send(a, publishAssessmentScheme, op.body),
    OpenAssessmentPeriod: (a, op) => this.send(a, openAssessmentPeriod, op.body),
    SubmitSelfAssessment: (a, op) => this.send(a, submitSelfAssessment, periodUnitInput(op)),
    ScoreAssessment: (a, op) => this.send(a, scoreAssessment, periodUnitInput(op)),
    ModerateAssessment: (a, op) => this.send(a, moderateAssessment, periodUnitInput(op)),
    PublishAssessmentResults: (a, op) => this.send(a, publishAssessmentResults, { periodId: op.periodId }),
    LodgeAssessmentAppeal: (a, op) => this.send(a, lodgeAssessmentAppeal, periodUnitInput(op)),
    DecideAssessmentAppeal: (a, op) => this.send(a, decideAssessmentAppeal, { periodId: op.periodId, appealId: op.appealId, ...op.body }),
    RecommendDemonstrationPoint: (a, op) => this.send(a, recommendDemonstrationPoint, pointInput(op)),
    DecideDemonstrationRecommendation: (a, op) => this.send(a, decideDemonstrationRecommendation, pointInput(op)),
    AssessDemonstrationPoint: (a, op) => this.send(a, assessDemonstrationPoint, pointInput(op)),
    ImportMembers: (a, op) => this.send(a, importMembers, { unitId: op.unitId, rows: parseMemberCsv(op.body.csv) }),
    ChangeMemberStatus: (a, op) => this.send(a, changeMemberStatus, memberInput(op)),
    OpenMemberSearch: (a, op) => this.send(a, openMemberSearch, memberInput(op)),
    RecordSearchAttempt: (a, op) => this.send(a, recordSearchAttempt, memberInput(op)),
    CloseMemberSearch: (a, op) => this.send(a, closeMemberSearch, memberInput(op)),
    RecordMemberParticipation: (a, op) => this.send(a, recordMemberParticipation, unitInput(op)),
    DefineKeyTask: (a, op) => this.send(a, defineKeyTask, op.body),
    AssignTaskParts: (a, op) => this.send(a, assignTaskParts, { taskId: op.taskId, ...op.body }),
    ScheduleStockTake: (a, op) => this.send(a, scheduleStockTake, { taskId: op.taskId, ...op.body }),
    ReportTaskProgress: (a, op) => this.send(a, reportTaskProgress, stockTakeUnitInput(op)),
    CommentTaskReport: (a, op) => this.send(a, commentTaskReport, stockTakeUnitInput(op)),
    ReturnTaskReport: (a, op) => this.send(a, returnTaskReport, stockTakeUnitInput(op)),
    CloseStockTake: (a, op) => this.send(a, closeStockTake, { taskId: op.taskId, stockTakeId: op.stockTakeId }),
    IssueInstruction: (a, op) => this.send(a, issueInstruction, { scope: this.scopeOf(a.by), ...op.body }),
    AcknowledgeInstruction: (a, op) => this.send(a, acknowledgeInstruction, { instructionId: op.instructionId, unitId: op.unitId, ...op.body }),
    ReportOnInstruction: (a, op) => this.send(a, reportOnInstruction, { instructionId: op.instructionId, unitId: op.unitId, ...op.body }),
    PublishNotice: (a, op) => this.publishNotice(a, op),
  };

  private async route(a: DemoAction): Promise<void> {
    const op = a.op;
    if (op.type === 'WarningCheck') return this.warningCheck(a.at, op.problemIds);
    await (this.routes[op.type] as (a: DemoAction, op: RoutedOp) => Promise<unknown>)(a, op);
    if (op.type === 'RegisterProblem') this.touch(op.body.problemId, a.at);
    else if ('problemId' in op) this.touch(op.problemId, a.at);
  }
}

type RoutedOp = Exclude<DemoOp, { type: 'WarningCheck' }>;
type DemoPorts = IdentityPorts & RectificationPorts & AssessmentPorts & InstructionPorts;

const unitInput = <B>(op: { campaignId: string; unitId: string; body: B }) => ({ campaignId: op.campaignId, unitId: op.unitId, ...op.body });
const problemInput = <B>(op: { problemId: string; body: B }) => ({ problemId: op.problemId, ...op.body });
const periodUnitInput = <B>(op: { periodId: string; unitId: string; body: B }) => ({ periodId: op.periodId, unitId: op.unitId, ...op.body });
const pointInput = <B>(op: { unitId: string; body: B }) => ({ unitId: op.unitId, ...op.body });
const memberInput = <B>(op: { unitId: string; memberId: string; body: B }) => ({ unitId: op.unitId, memberId: op.memberId, ...op.body });
const stockTakeUnitInput = <B>(op: { taskId: string; stockTakeId: string; unitId: string; body: B }) => ({ taskId: op.taskId, stockTakeId: op.stockTakeId, unitId: op.unitId, ...op.body });
const partInput = <B>(op: { problemId: string; partId: string; body: B }) => ({ problemId: op.problemId, partId: op.partId, ...op.body });
