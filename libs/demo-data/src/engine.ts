import {
  Actor,
  CampaignState,
  campaignDecider,
  campaignStreamId,
  CommandContext,
  DEFAULT_SATISFACTION_THRESHOLD,
  DEFAULT_WARNING_THRESHOLDS,
  Decider,
  DomainEvent,
  DomainRuleError,
  findTemplate,
  fold,
  openDeadlines,
  organizationDecider,
  OrganizationEvent,
  OrganizationTree,
  orgStreamId,
  planOrganizationImport,
  ProblemCampaignFacts,
  ProblemCommand,
  problemDecider,
  ProblemState,
  problemStreamId,
  progressStreamId,
  Role,
  satisfactionDecider,
  satisfactionStreamId,
  unitProgressDecider,
  userDecider,
  UserState,
  usernameStreamId,
  userStreamId,
  WARNED_STATUSES,
  warningDue,
  WarningThresholds,
} from '@platform/domain';
import { ActorRef, AppendResult, ExpectedRevision, NewEvent, SqliteEventStore, StreamWrite } from '@platform/event-store';
import { Calendar, iso, MINUTE } from './calendar';
import { ANONYMOUS, DemoAction, DemoOp, SYSTEM } from './operations';
import { Rng } from './random';

/** Who the scheduled deadline-warning job acts as (libs/rectification/src/warnings/deadline-warning.job.ts). */
export const WARNING_JOB_ACTOR: Actor = { userId: 'system-deadline-warnings', role: 'admin', unitId: null };
/** Who bootstraps the first administrator (libs/identity/src/administrator-bootstrap.ts). */
const BOOTSTRAP_ACTOR: Actor = { userId: 'system', role: 'admin', unitId: null };
/** Who a ballot from the masses is recorded as (libs/rectification/src/http/voter-command-meta.ts). */
const ANONYMOUS_VOTER: Actor = { userId: 'anonymous', role: 'public', unitId: null };
/** How far in the future a user-given occurredAt may lie (StreamCommandRunner). */
const FUTURE_TOLERANCE_MS = 5 * MINUTE;

interface Decided {
  readonly streamId: string;
  readonly events: readonly DomainEvent[];
  readonly expected: ExpectedRevision;
}

interface Entry {
  state: unknown;
  revision: number;
}

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
 * Executes the scenario's requests the way the command path does — the handler's facts, the
 * decider's decide(), the runner's envelope and expected revisions — but with every stream's
 * state in memory and the appends grouped, so a city of ~300,000 events is written in a minute.
 */
export class DemoEngine {
  readonly tree = new OrganizationTree();
  private readonly streams = new Map<string, Entry>();
  private readonly users = new Map<string, UserState>();
  private readonly usernames = new Set<string>();
  /** Problems in registration order, as the ProblemIndex holds them. */
  private readonly problemOrder: string[] = [];
  private touched = new Set<string>();
  private nextHourly: number | null = null;
  private nextDaily: number | null = null;
  private pending: Promise<AppendResult[]>[] = [];
  private pendingWrites = 0;
  private batchStart = 0;
  private batchLast = 0;
  private clockMs = 0;
  private done = 0;
  private total = 0;
  eventCount = 0;
  readonly eventTypes = new Map<string, number>();
  readonly warningLevels: Record<string, number> = {};
  readonly credentials: { userId: string; hash: string; at: string }[] = [];

  constructor(private readonly o: EngineOptions) {}

  /** The clock the store reads recordedAt from. */
  clock = (): Date => new Date(this.clockMs);

  async run(actions: readonly DemoAction[], until: number): Promise<void> {
    this.total = actions.length;
    const window = this.o.batchWindowMs ?? 10 * MINUTE;
    const maxWrites = this.o.batchMaxWrites ?? 4000;
    for (const a of actions) {
      await this.ticksUntil(a.at, window, maxWrites);
      await this.batchFor(a.at, window, maxWrites);
      this.execute(a);
      this.done++;
      if (this.done % 2000 === 0) this.o.onProgress?.({ done: this.done, total: this.total, events: this.eventCount, at: a.at });
    }
    await this.ticksUntil(until, window, maxWrites);
    await this.flush();
    this.o.onProgress?.({ done: this.done, total: this.total, events: this.eventCount, at: until });
  }

  private async batchFor(at: number, window: number, maxWrites: number): Promise<void> {
    if (this.pending.length > 0 && (at - this.batchStart > window || this.pendingWrites >= maxWrites)) await this.flush();
    if (this.pending.length === 0) this.batchStart = at;
    this.batchLast = Math.max(this.batchLast, at);
  }

  /** Group commit: everything queued since the last flush commits in one transaction, recorded a moment after the last request. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    this.clockMs = Math.max(this.clockMs, this.batchLast + 1000);
    const pending = this.pending;
    this.pending = [];
    this.pendingWrites = 0;
    await Promise.all(pending);
  }

  // ------------------------------------------------------------------ the deadline-warning job

  private async ticksUntil(t: number, window: number, maxWrites: number): Promise<void> {
    for (;;) {
      const hourly = this.nextHourly ?? Infinity;
      const daily = this.nextDaily ?? Infinity;
      const tick = Math.min(hourly, daily);
      if (tick > t) return;
      await this.batchFor(tick, window, maxWrites);
      if (daily <= hourly) {
        this.warningCheck(tick, null);
        this.nextDaily = daily + 24 * 60 * MINUTE;
        this.touched.clear();
        this.nextHourly = null;
      } else {
        const ids = this.problemOrder.filter((id) => this.touched.has(id));
        this.touched.clear();
        this.nextHourly = null;
        this.warningCheck(tick, ids);
      }
    }
  }

  /** One run of DeadlineWarningCheck: each open deadline whose level rose gets its warning, problems in index order. */
  private warningCheck(at: number, only: string[] | null): void {
    const today = this.o.calendar.date(at);
    const ids = only ?? this.problemOrder;
    const correlationId = this.o.ids.uuid();
    let raised = 0;
    for (const problemId of ids) {
      const state = this.streams.get(problemStreamId(problemId))!.state as ProblemState;
      if (!WARNED_STATUSES.includes(state.status)) continue;
      const thresholds = this.thresholds(state.current.campaignId);
      for (const d of openDeadlines(state)) {
        if (!warningDue(d, today, thresholds)) continue;
        const command: ProblemCommand = { type: 'RaiseWarning', actor: WARNING_JOB_ACTOR, at: iso(at), today, thresholds, partId: d.partId };
        raised += this.runStream(problemStreamId(problemId), problemDecider, WARNING_JOB_ACTOR, command, correlationId).length;
      }
    }
    if (raised > 0) this.o.onAction?.({ at, seq: -1, by: WARNING_JOB_ACTOR.userId, op: { type: 'WarningCheck', problemIds: only } });
  }

  private thresholds(campaignId: string): WarningThresholds {
    const s = this.streams.get(campaignStreamId(campaignId))?.state as CampaignState | undefined;
    return s?.warningThresholds ?? DEFAULT_WARNING_THRESHOLDS;
  }

  /** After a command on a problem, the next hourly run looks at it again (a new deadline may be due at once). */
  private touch(problemId: string, at: number): void {
    const s = this.streams.get(problemStreamId(problemId))?.state as ProblemState | undefined;
    if (!s || openDeadlines(s).length === 0) return;
    this.touched.add(problemId);
    this.nextHourly ??= this.o.calendar.nextHourlyTick(at);
    this.nextDaily ??= this.o.calendar.nextDailyTick(at);
  }

  // ------------------------------------------------------------------ the command path

  private actorOf(by: string): Actor {
    if (by === ANONYMOUS) return ANONYMOUS_VOTER;
    if (by === SYSTEM) return BOOTSTRAP_ACTOR;
    const user = this.users.get(by);
    if (!user) throw new Error(`unknown user ${by}`);
    if (user.disabled) throw new Error(`user ${by} is disabled`);
    return { userId: user.userId, role: user.role as Role, unitId: user.scopeUnitIds[0] ?? null };
  }

  /** StreamCommandRunner.context: the user's occurredAt, or the clock; never in the future. */
  private context(a: DemoAction, actor: Actor, occurredAt?: string): CommandContext {
    if (occurredAt !== undefined && Date.parse(occurredAt) > a.at + FUTURE_TOLERANCE_MS) throw new Error(`occurredAt ${occurredAt} is in the future`);
    return { actor, at: occurredAt ? new Date(occurredAt).toISOString() : iso(a.at) };
  }

  private entry(streamId: string, initial: () => unknown): Entry {
    return this.streams.get(streamId) ?? { state: initial(), revision: -1 };
  }

  /** StreamCommandRunner.run: load, decide, append with the loaded revision; nothing decided, nothing written. */
  private runStream<C, S, E extends DomainEvent>(streamId: string, decider: Decider<C, S, E>, actor: Actor, command: C, correlationId?: string): E[] {
    const e = this.entry(streamId, decider.initialState);
    const events = decider.decide(command, e.state as S);
    if (events.length === 0) return events;
    this.commit(streamId, decider, e, events);
    this.append([{ streamId, events, expected: e.revision }], actor, (command as unknown as CommandContext).at, correlationId);
    return events;
  }

  private commit<S, E extends DomainEvent>(streamId: string, decider: Pick<Decider<never, S, E>, 'evolve'>, e: Entry, events: readonly E[]): void {
    let s = e.state as S;
    for (const ev of events) s = decider.evolve(s, ev);
    this.streams.set(streamId, { state: s, revision: e.revision + events.length });
  }

  /** StreamCommandRunner.append: one causation per command, the actor and correlation of the request. */
  private append(writes: readonly Decided[], actor: Actor, occurredAt: string, correlationId?: string): void {
    const ids = this.o.ids;
    const correlation = correlationId ?? ids.uuid();
    const causationId = ids.uuid();
    const actorRef: ActorRef = { userId: actor.userId, role: actor.role, unitId: actor.unitId ?? null };
    const envelope = (e: DomainEvent): NewEvent => ({
      eventId: ids.uuid(),
      type: e.type,
      data: e.data,
      occurredAt,
      actor: actorRef,
      correlationId: correlation,
      causationId,
      idempotencyKey: null,
      commandFingerprint: null,
    });
    const sw: StreamWrite[] = writes.map((w) => ({ streamId: w.streamId, expected: w.expected, events: w.events.map(envelope) }));
    for (const w of writes) {
      for (const e of w.events) {
        this.eventTypes.set(e.type, (this.eventTypes.get(e.type) ?? 0) + 1);
        if (e.type === 'DeadlineWarningRaised') {
          const level = (e.data as { level: string }).level;
          this.warningLevels[level] = (this.warningLevels[level] ?? 0) + 1;
        }
      }
      this.eventCount += w.events.length;
    }
    this.pending.push(this.o.store.appendMany(sw));
    this.pendingWrites += writes.length;
  }

  private execute(a: DemoAction): void {
    try {
      this.decideAndAppend(a);
    } catch (error) {
      throw new DemoEngineError(a, error);
    }
    this.o.onAction?.(a);
  }

  private decideAndAppend(a: DemoAction): void {
    const op = a.op;
    if (op.type === 'BootstrapAdmin') {
      this.registerUser(a, BOOTSTRAP_ACTOR, { userId: op.username, username: op.username, displayName: '系统管理员', role: 'admin', scopeUnitIds: [], password: op.password });
      return;
    }
    if (op.type === 'WarningCheck') {
      this.warningCheck(a.at, op.problemIds);
      return;
    }
    const actor = this.actorOf(a.by);
    switch (op.type) {
      case 'RegisterUser':
        this.registerUser(a, actor, op.body);
        return;
      case 'ImportUnits': {
        const plan = planOrganizationImport(op.body.units as unknown as Record<string, unknown>[], this.tree);
        if (!plan.ok) throw new Error(`import refused: ${JSON.stringify(plan.errors.slice(0, 3))}`);
        const writes = plan.events.map((e) => ({ streamId: orgStreamId(e.data.unitId), events: [e], expected: 'no_stream' as const }));
        for (const w of writes) this.applyOrg(w.streamId, w.events);
        this.append(writes, actor, this.context(a, actor).at);
        return;
      }
      case 'CreateUnit': {
        const r = op.body;
        const events = this.runStream(orgStreamId(r.unitId), organizationDecider, actor, {
          type: 'CreateUnit',
          ...this.context(a, actor),
          unitId: r.unitId,
          name: r.name,
          level: r.level,
          unitType: r.unitType,
          memberCount: r.memberCount ?? 0,
          parentId: r.parentId ?? null,
          parent: this.tree.parentFacts(r.parentId),
        });
        events.forEach((e) => this.tree.apply(e));
        return;
      }
      case 'ChangeMemberCount': {
        const events = this.runStream(orgStreamId(op.unitId), organizationDecider, actor, {
          ...this.context(a, actor),
          type: 'ChangeMemberCount',
          memberCount: op.body.memberCount,
        });
        events.forEach((e) => this.tree.apply(e));
        return;
      }
      case 'LaunchCampaign': {
        const r = op.body;
        const parent = r.parentCampaignId ? this.campaignState(r.parentCampaignId) : null;
        this.runStream(campaignStreamId(r.campaignId), campaignDecider, actor, {
          type: 'LaunchCampaign',
          ...this.context(a, actor),
          campaignId: r.campaignId,
          name: r.name,
          templateKey: r.templateKey,
          template: findTemplate(r.templateKey),
          batch: r.batch,
          parentCampaignId: r.parentCampaignId ?? null,
          parent: parent && r.parentCampaignId ? { campaignId: r.parentCampaignId, launched: parent.launched, templateKind: parent.template?.kind ?? null } : null,
          scope: { unitIds: r.unitIds ?? [] },
          units: (r.unitIds ?? []).map((id) => this.unitFacts(id)),
          plannedPhases: r.plannedPhases,
          warningThresholds: DEFAULT_WARNING_THRESHOLDS,
          satisfactionThreshold: DEFAULT_SATISFACTION_THRESHOLD,
        });
        return;
      }
      case 'EnrollUnits':
        this.runStream(campaignStreamId(op.campaignId), campaignDecider, actor, {
          type: 'EnrollUnits',
          ...this.context(a, actor),
          units: op.body.unitIds.map((id) => this.unitFacts(id)),
        });
        return;
      case 'RecordStep':
      case 'RecordParticipation':
      case 'ApplyForTransition':
      case 'ApproveTransition':
      case 'RejectTransition':
      case 'ConcludeUnit':
        this.unitProgress(a, actor, op);
        return;
      case 'OpenSatisfactionRound':
      case 'RecordBallotTally':
      case 'CastBallot':
      case 'CloseSatisfactionRound':
        this.satisfaction(a, actor, op);
        return;
      default:
        this.problem(a, actor, op);
    }
  }

  private registerUser(a: DemoAction, actor: Actor, r: Extract<DemoOp, { type: 'RegisterUser' }>['body']): void {
    const { password, ...withoutSecret } = r;
    const ctx = this.context(a, actor);
    if (this.usernames.has(r.username)) throw new Error(`username ${r.username} taken`);
    const e = this.entry(userStreamId(r.userId), userDecider.initialState);
    const registered = userDecider.decide({ ...ctx, type: 'RegisterUser', ...withoutSecret, contactPointUnitIds: r.contactPointUnitIds ?? [] }, e.state as UserState);
    const passwordSet = userDecider.decide({ ...ctx, type: 'SetPassword' }, fold(userDecider, registered));
    const hash = this.o.passwordHashes[r.role];
    if (!hash || password.length < 10) throw new Error(`no demo password for role ${r.role}`);
    this.credentials.push({ userId: r.userId, hash, at: iso(a.at) });
    const events = [...registered, ...passwordSet];
    this.commit(userStreamId(r.userId), userDecider, e, events);
    const reserved: DomainEvent = { type: 'UsernameReserved', data: { username: r.username, userId: r.userId } };
    this.streams.set(usernameStreamId(r.username), { state: null, revision: 0 });
    this.users.set(r.userId, this.streams.get(userStreamId(r.userId))!.state as UserState);
    this.usernames.add(r.username);
    this.append(
      [
        { streamId: userStreamId(r.userId), events, expected: 'no_stream' },
        { streamId: usernameStreamId(r.username), events: [reserved], expected: 'no_stream' },
      ],
      actor,
      ctx.at,
    );
  }

  private applyOrg(streamId: string, events: readonly OrganizationEvent[]): void {
    const e = this.entry(streamId, organizationDecider.initialState);
    this.commit(streamId, organizationDecider, e, events);
    events.forEach((ev) => this.tree.apply(ev));
  }

  private campaignState(campaignId: string): CampaignState {
    return this.entry(campaignStreamId(campaignId), campaignDecider.initialState).state as CampaignState;
  }

  private unitFacts(unitId: string): { unitId: string; exists: boolean; closed: boolean } {
    const n = this.tree.get(unitId);
    return { unitId, exists: n !== undefined, closed: n?.closed ?? false };
  }

  /** CampaignFactsLoader.forUnit, and the campaigns context's handlers. */
  private unitProgress(a: DemoAction, actor: Actor, op: Extract<DemoOp, { type: 'RecordStep' | 'RecordParticipation' | 'ApplyForTransition' | 'ApproveTransition' | 'RejectTransition' | 'ConcludeUnit' }>): void {
    const state = this.campaignState(op.campaignId);
    const campaign = { campaignId: op.campaignId, launched: state.launched, enrolled: state.enrolled[op.unitId] === true, template: state.template };
    const base = { campaign, unitId: op.unitId };
    const streamId = progressStreamId(op.campaignId, op.unitId);
    switch (op.type) {
      case 'RecordStep': {
        const r = op.body;
        this.runStream(streamId, unitProgressDecider, actor, { type: 'RecordStep', ...this.context(a, actor, r.occurredAt), ...base, phaseKey: r.phaseKey, stepKey: r.stepKey, evidence: r.evidence, attachmentRef: r.attachmentRef ?? null, quantity: r.quantity ?? null });
        return;
      }
      case 'RecordParticipation': {
        const r = op.body;
        this.runStream(streamId, unitProgressDecider, actor, { type: 'RecordParticipation', ...this.context(a, actor, r.occurredAt), ...base, shouldAttend: r.shouldAttend, attended: r.attended, excused: r.excused ?? [] });
        return;
      }
      case 'ApplyForTransition':
        this.runStream(streamId, unitProgressDecider, actor, { type: 'ApplyForTransition', ...this.context(a, actor), ...base, phaseKey: op.body.phaseKey, note: op.body.note ?? '' });
        return;
      case 'ApproveTransition':
        this.runStream(streamId, unitProgressDecider, actor, { type: 'ApproveTransition', ...this.context(a, actor), ...base, phaseKey: op.body.phaseKey, comment: op.body.comment ?? '' });
        return;
      case 'RejectTransition':
        this.runStream(streamId, unitProgressDecider, actor, { type: 'RejectTransition', ...this.context(a, actor), ...base, phaseKey: op.body.phaseKey, reason: op.body.reason });
        return;
      case 'ConcludeUnit':
        this.runStream(streamId, unitProgressDecider, actor, { type: 'ConcludeUnit', ...this.context(a, actor), ...base, summary: op.body.summary, outcome: null });
        return;
    }
  }

  /** RectificationFactsLoader.satisfaction and the satisfaction handlers. */
  private satisfaction(a: DemoAction, actor: Actor, op: Extract<DemoOp, { type: 'OpenSatisfactionRound' | 'RecordBallotTally' | 'CastBallot' | 'CloseSatisfactionRound' }>): void {
    const state = this.campaignState(op.campaignId);
    const campaign = {
      campaignId: op.campaignId,
      launched: state.launched,
      enrolled: state.enrolled[op.unitId] === true,
      satisfactionThreshold: state.satisfactionThreshold ?? DEFAULT_SATISFACTION_THRESHOLD,
    };
    const base = { ...this.context(a, actor), campaign, unitId: op.unitId };
    const streamId = satisfactionStreamId(op.campaignId, op.unitId);
    switch (op.type) {
      case 'OpenSatisfactionRound':
        this.runStream(streamId, satisfactionDecider, actor, { type: 'OpenSatisfactionRound', ...base, round: op.body.round });
        return;
      case 'RecordBallotTally':
        this.runStream(streamId, satisfactionDecider, actor, { type: 'RecordBallotTally', ...base, round: op.body.round, tallyId: op.body.tallyId, meeting: op.body.meeting, counts: { ...op.body.counts } });
        return;
      case 'CastBallot':
        this.runStream(streamId, satisfactionDecider, actor, { type: 'CastBallot', ...base, round: op.body.round, ballotId: op.body.ballotId, grade: op.body.grade });
        return;
      case 'CloseSatisfactionRound':
        this.runStream(streamId, satisfactionDecider, actor, { type: 'CloseSatisfactionRound', ...base, round: op.body.round });
        return;
    }
  }

  private problemCampaignFacts(campaignId: string): ProblemCampaignFacts {
    const s = this.campaignState(campaignId);
    return { campaignId, launched: s.launched, kind: s.template?.kind ?? null, parentCampaignId: s.parentCampaignId };
  }

  /** The rectification context's handlers, with RectificationFactsLoader's facts. */
  private problem(a: DemoAction, actor: Actor, op: DemoOp): void {
    let problemId: string;
    let command: ProblemCommand;
    const ctx = () => this.context(a, actor);
    switch (op.type) {
      case 'RegisterProblem': {
        const r = op.body;
        problemId = r.problemId;
        const state = this.campaignState(r.campaignId);
        const person = (p: { name: string; userId?: string }) => ({ name: p.name, userId: p.userId ?? null });
        command = {
          type: 'RegisterProblem',
          ...this.context(a, actor, r.occurredAt),
          problemId: r.problemId,
          campaign: this.problemCampaignFacts(r.campaignId),
          responsibleUnit: { ...this.unitFacts(r.responsibleUnitId), enrolled: state.enrolled[r.responsibleUnitId] === true },
          source: r.source,
          category: r.category,
          description: r.description,
          people: { responsibleLeader: person(r.responsibleLeader), handler: person(r.handler) },
          discoveredAt: r.discoveredAt,
        };
        const known = this.streams.has(problemStreamId(problemId));
        this.runStream(problemStreamId(problemId), problemDecider, actor, command);
        if (!known) this.problemOrder.push(problemId);
        this.touch(problemId, a.at);
        return;
      }
      case 'PlanRectification':
        problemId = op.problemId;
        command = { type: 'PlanRectification', ...ctx(), measures: op.body.measures, timing: op.body.timing, deadline: op.body.deadline ?? null };
        break;
      case 'PublishPlan':
        problemId = op.problemId;
        command = { type: 'PublishPlan', ...ctx() };
        break;
      case 'RecordProgress':
        problemId = op.problemId;
        command = { type: 'RecordProgress', ...this.context(a, actor, op.body.occurredAt), note: op.body.note, attachmentRefs: op.body.attachmentRefs ?? [] };
        break;
      case 'ChangeDeadline':
        problemId = op.problemId;
        command = { type: 'ChangeDeadline', ...ctx(), deadline: op.body.deadline, reason: op.body.reason };
        break;
      case 'ClaimFixed':
        problemId = op.problemId;
        command = { type: 'ClaimFixed', ...ctx(), evidence: op.body.evidence, attachmentRefs: op.body.attachmentRefs ?? [] };
        break;
      case 'AcceptFix':
        problemId = op.problemId;
        command = { type: 'AcceptFix', ...ctx(), comment: op.body.comment ?? '' };
        break;
      case 'RejectFix':
        problemId = op.problemId;
        command = { type: 'RejectFix', ...ctx(), reason: op.body.reason };
        break;
      case 'CloseProblem':
        problemId = op.problemId;
        command = { type: 'CloseProblem', ...ctx(), mechanisms: op.body.mechanisms ?? null };
        break;
      case 'DeferProblem':
        problemId = op.problemId;
        command = {
          type: 'DeferProblem',
          ...ctx(),
          constraint: op.body.constraint,
          explanation: { text: op.body.explanation.text, date: op.body.explanation.date },
          reReviewDate: op.body.reReviewDate,
          gradualMeasures: op.body.gradualMeasures,
        };
        break;
      case 'ReviewDeferral':
        problemId = op.problemId;
        command = { type: 'ReviewDeferral', ...ctx(), finding: op.body.finding, reReviewDate: op.body.reReviewDate };
        break;
      case 'ResumeRectification':
        problemId = op.problemId;
        command = { type: 'ResumeRectification', ...ctx(), note: op.body.note, deadline: op.body.deadline ?? null };
        break;
      case 'EscalateToJoint': {
        problemId = op.problemId;
        const s = this.entry(problemStreamId(problemId), problemDecider.initialState).state as ProblemState;
        const units = op.body.parts.map((p) => this.unitFacts(p.unitId));
        command = {
          type: 'EscalateToJoint',
          ...ctx(),
          coordinator: { ...this.unitFacts(op.body.coordinatorUnitId), isAncestorOfResponsibleUnit: this.tree.ancestorIds(s.responsibleUnitId).includes(op.body.coordinatorUnitId) },
          reason: op.body.reason,
          parts: op.body.parts.map((p, i) => ({ partId: p.partId, unit: units[i], description: p.description, deadline: p.deadline })),
        };
        break;
      }
      case 'RecordPartProgress':
        problemId = op.problemId;
        command = { type: 'RecordPartProgress', ...this.context(a, actor, op.body.occurredAt), partId: op.partId, note: op.body.note, attachmentRefs: op.body.attachmentRefs ?? [] };
        break;
      case 'ChangePartDeadline':
        problemId = op.problemId;
        command = { type: 'ChangePartDeadline', ...ctx(), partId: op.partId, deadline: op.body.deadline, reason: op.body.reason };
        break;
      case 'ClosePart':
        problemId = op.problemId;
        command = { type: 'ClosePart', ...ctx(), partId: op.partId, evidence: op.body.evidence };
        break;
      case 'RecheckProblem':
        problemId = op.problemId;
        command = { type: 'RecheckProblem', ...ctx(), lookBack: this.problemCampaignFacts(op.body.lookBackCampaignId), outcome: op.body.outcome, finding: op.body.finding };
        break;
      default:
        throw new Error(`unknown operation ${op.type}`);
    }
    this.runStream(problemStreamId(problemId), problemDecider, actor, command);
    this.touch(problemId, a.at);
  }

  /** The state of a stream as the generator left it (for summaries and tests). */
  stateOf<S>(streamId: string): S | undefined {
    return this.streams.get(streamId)?.state as S | undefined;
  }

  *entries(): Iterable<[string, unknown]> {
    for (const [id, e] of this.streams) yield [id, e.state];
  }

}
