import { Inject, Injectable, Logger } from '@nestjs/common';
import { CampaignStates } from '@platform/campaigns';
import { CommandMeta, runUseCase, StreamCommandRunner, streamUseCase } from '@platform/common';
import {
  DeadlineWarningRaised,
  DomainRuleError,
  openDeadlines,
  problemDecider,
  ProblemEvent,
  ProblemState,
  problemStreamId,
  WARNING_LEVEL_NAMES,
  WARNING_NO_LONGER_DUE,
  warningDue,
  WarningThresholds,
} from '@platform/domain';
import { OfficeCalendar } from '../office-calendar';
import { rectificationFacts, RectificationFactsLoader } from '../rectification-facts';
import { WARNING_CANDIDATES, WarningCandidates } from './warning-candidates';

export interface RaisedWarning {
  readonly problemId: string;
  readonly partId: string | null;
  readonly unitId: string;
  readonly deadline: string;
  readonly daysLeft: number;
  readonly level: DeadlineWarningRaised['data']['level'];
  readonly levelName: string;
  readonly notify: readonly string[];
  readonly position: number;
}

export interface WarningCheckReport {
  readonly today: string;
  /** Deadlines that looked due in the states the check was given. */
  readonly due: number;
  readonly raised: RaisedWarning[];
  /** Looked due, but already recorded by the time this check wrote (another run was first). */
  readonly alreadyRecorded: number;
  /** Looked due, but the problem moved on before this check wrote (deferred, fixed, closed): nothing to record. */
  readonly noLongerDue: number;
  /** The decider refused for another reason, or the store failed; the next run tries again. */
  readonly failed: { readonly problemId: string; readonly partId: string | null; readonly code: string; readonly message: string }[];
}

export interface RaiseWarningInput {
  readonly problemId: string;
  readonly partId: string | null;
  readonly today: string;
  readonly thresholds: WarningThresholds;
}

/** The job's one command: a deadline's warning at today's level, unless that level is recorded already. */
export const raiseWarning = streamUseCase(problemDecider)({
  name: 'RaiseWarning',
  streamId: (i: RaiseWarningInput) => problemStreamId(i.problemId),
  toCommand: (i, _, context) => ({ type: 'RaiseWarning', ...context, today: i.today, thresholds: i.thresholds, partId: i.partId }),
  fingerprint: (i) => ({ command: 'RaiseWarning', problemId: i.problemId, partId: i.partId, today: i.today }),
});

/**
 * One pass over the open deadlines of the given problems: a warning is recorded when today's
 * level is higher than the one recorded for that deadline. The platform's job and the demo
 * generator both run it. Safe to run twice or concurrently: the runner appends with the revision
 * it decided on, a concurrent writer makes it re-load and decide again, and the decider returns
 * nothing for a level already recorded. So each level is recorded exactly once.
 */
export async function checkDeadlines(
  problems: Iterable<ProblemState>,
  today: string,
  ports: CampaignStates,
  runner: StreamCommandRunner,
  meta: CommandMeta,
  logger?: Logger,
  /** Warnings decided and appended at once (the platform's job); 1 (the generator): one after another. */
  concurrency = 1,
): Promise<WarningCheckReport> {
  // If-Match and Idempotency-Key of the request that started the run mean nothing per problem.
  const runMeta: CommandMeta = { actor: meta.actor, scope: meta.scope, correlationId: meta.correlationId };
  const thresholds = new Map<string, Promise<WarningThresholds>>();
  const thresholdsOf = (campaignId: string) => {
    if (!thresholds.has(campaignId)) thresholds.set(campaignId, rectificationFacts.warningThresholds(ports, campaignId));
    return thresholds.get(campaignId)!;
  };
  const due: { problem: ProblemState; partId: string | null }[] = [];
  for (const problem of problems) {
    for (const d of openDeadlines(problem)) {
      if (warningDue(d, today, await thresholdsOf(problem.current.campaignId))) due.push({ problem, partId: d.partId });
    }
  }
  // One order wherever the states come from (the ledger's index, the generator's registration order),
  // so the same day's warnings are written in the same order on every path.
  due.sort((a, b) => compare(a.problem.problemId, b.problem.problemId) || compare(a.partId ?? '', b.partId ?? ''));
  const report = { today, due: due.length, raised: [] as RaisedWarning[], alreadyRecorded: 0, noLongerDue: 0, failed: [] as WarningCheckReport['failed'][number][] };
  // Several problems at once, so that their appends share a transaction and an fsync (group commit).
  // A run never holds two deadlines of one problem, and its commands reach the store in the order
  // above, so the history written is the one written one after another.
  for (const run of distinctProblems(due, concurrency)) {
    const outcomes = await Promise.all(
      run.map(async ({ problem, partId }) => {
        try {
          const input = { problemId: problem.problemId, partId, today, thresholds: await thresholdsOf(problem.current.campaignId) };
          return { problem, partId, raised: await raise(runner, input, runMeta) };
        } catch (error) {
          return { problem, partId, error };
        }
      }),
    );
    for (const o of outcomes) {
      if (!('error' in o)) {
        if (o.raised) report.raised.push(o.raised);
        else report.alreadyRecorded++;
        continue;
      }
      const { problem, partId, error } = o;
      const code = error instanceof DomainRuleError ? error.code : 'error';
      if (WARNING_NO_LONGER_DUE.includes(code)) {
        report.noLongerDue++;
        continue;
      }
      if (code === 'error') logger?.error(`warning for ${problem.problemId}/${partId ?? '-'} failed: ${String(error)}`);
      report.failed.push({ problemId: problem.problemId, partId, code, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** How many warnings the platform's check decides and appends at once. */
const CONCURRENT_RAISES = 64;

/** Consecutive runs of at most `size` items, none holding two deadlines of one problem (they would race for its stream). */
function* distinctProblems<T extends { problem: ProblemState }>(items: readonly T[], size: number): Generator<T[]> {
  let run: T[] = [];
  const ids = new Set<string>();
  for (const item of items) {
    if (run.length >= size || ids.has(item.problem.problemId)) {
      yield run;
      run = [];
      ids.clear();
    }
    run.push(item);
    ids.add(item.problem.problemId);
  }
  if (run.length > 0) yield run;
}

/** Null when the level was already recorded (by an earlier or a concurrent run): nothing is written. */
async function raise(runner: StreamCommandRunner, input: RaiseWarningInput, meta: CommandMeta): Promise<RaisedWarning | null> {
  // The runner decides again on every conflict retry; the last decision is the one appended.
  let decided: ProblemEvent[] = [];
  const deciding = { ...raiseWarning, decider: { ...problemDecider, decide: (c: Parameters<typeof problemDecider.decide>[0], s: ProblemState) => (decided = problemDecider.decide(c, s)) } };
  const result = await runUseCase(runner, undefined, deciding, input, meta);
  if (result.positions.length === 0) return null;
  const d = (decided[0] as DeadlineWarningRaised).data;
  return {
    problemId: input.problemId,
    partId: input.partId,
    unitId: d.unitId,
    deadline: d.deadline,
    daysLeft: d.daysLeft,
    level: d.level,
    levelName: WARNING_LEVEL_NAMES[d.level],
    notify: d.notify,
    position: result.positions[0],
  };
}

/** The platform's job: the problems with a deadline near or past, today by the office calendar. */
@Injectable()
export class DeadlineWarningCheck {
  private readonly logger = new Logger('deadline-warnings');

  constructor(
    private readonly runner: StreamCommandRunner,
    @Inject(WARNING_CANDIDATES) private readonly candidates: WarningCandidates,
    private readonly facts: RectificationFactsLoader,
    private readonly calendar: OfficeCalendar,
  ) {}

  async run(meta: CommandMeta): Promise<WarningCheckReport> {
    const today = this.calendar.today();
    return checkDeadlines(await this.candidates.dueOn(today), today, this.facts, this.runner, meta, this.logger, CONCURRENT_RAISES);
  }
}
