import { Injectable, Logger } from '@nestjs/common';
import { CommandMeta, StreamCommandRunner } from '@platform/common';
import {
  Decider,
  DeadlineWarningRaised,
  DomainRuleError,
  openDeadlines,
  ProblemCommand,
  problemDecider,
  ProblemEvent,
  ProblemState,
  problemStreamId,
  WARNING_LEVEL_NAMES,
  warningDue,
  WarningThresholds,
} from '@platform/domain';
import { OfficeCalendar } from '../office-calendar';
import { rectificationFacts, RectificationFactsLoader } from '../rectification-facts';
import { ProblemIndex } from '../problem-index';

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
  /** Deadlines that looked due in the index. */
  readonly due: number;
  readonly raised: RaisedWarning[];
  /** Due in the index, but already recorded by the time this check wrote (another run was first). */
  readonly alreadyRecorded: number;
  /** The decider refused (the problem changed meanwhile) or the store failed; the next run tries again. */
  readonly failed: { readonly problemId: string; readonly partId: string | null; readonly code: string; readonly message: string }[];
}

/**
 * One pass over every open deadline: a warning is recorded when today's level is higher than
 * the one recorded for that deadline. Safe to run twice or concurrently: the runner appends with
 * the revision it decided on, a concurrent writer makes it re-load and decide again, and the
 * decider returns nothing for a level already recorded. So each level is recorded exactly once.
 */
@Injectable()
export class DeadlineWarningCheck {
  private readonly logger = new Logger('deadline-warnings');

  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly index: ProblemIndex,
    private readonly facts: RectificationFactsLoader,
    private readonly calendar: OfficeCalendar,
  ) {}

  async run(meta: CommandMeta): Promise<WarningCheckReport> {
    const today = this.calendar.today();
    // If-Match and Idempotency-Key of the request that started the run mean nothing per problem.
    const runMeta: CommandMeta = { actor: meta.actor, scope: meta.scope, correlationId: meta.correlationId };
    const thresholds = new Map<string, Promise<WarningThresholds>>();
    const thresholdsOf = (campaignId: string) => {
      if (!thresholds.has(campaignId)) thresholds.set(campaignId, rectificationFacts.warningThresholds(this.facts, campaignId));
      return thresholds.get(campaignId)!;
    };
    const due: { problem: ProblemState; partId: string | null }[] = [];
    for (const problem of await this.index.all()) {
      for (const d of openDeadlines(problem)) {
        if (warningDue(d, today, await thresholdsOf(problem.current.campaignId))) due.push({ problem, partId: d.partId });
      }
    }
    const report = { today, due: due.length, raised: [] as RaisedWarning[], alreadyRecorded: 0, failed: [] as WarningCheckReport['failed'][number][] };
    for (const { problem, partId } of due) {
      try {
        const raised = await this.raise(problem.problemId, partId, today, await thresholdsOf(problem.current.campaignId), runMeta);
        if (raised) report.raised.push(raised);
        else report.alreadyRecorded++;
      } catch (error) {
        const code = error instanceof DomainRuleError ? error.code : 'error';
        if (code === 'error') this.logger.error(`warning for ${problem.problemId}/${partId ?? '-'} failed: ${String(error)}`);
        report.failed.push({ problemId: problem.problemId, partId, code, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return report;
  }

  /** Null when the level was already recorded (by an earlier or a concurrent run): nothing is written. */
  private async raise(problemId: string, partId: string | null, today: string, thresholds: WarningThresholds, meta: CommandMeta): Promise<RaisedWarning | null> {
    // The runner decides again on every conflict retry; the last decision is the one appended.
    let decided: ProblemEvent[] = [];
    const deciding: Decider<ProblemCommand, ProblemState, ProblemEvent> = {
      ...problemDecider,
      decide: (c, s) => (decided = problemDecider.decide(c, s)),
    };
    const result = await this.runner.run(
      problemStreamId(problemId),
      deciding,
      meta,
      { type: 'RaiseWarning', ...this.runner.context(meta), today, thresholds, partId },
      { command: 'RaiseWarning', problemId, partId, today },
    );
    if (result.positions.length === 0) return null;
    const d = (decided[0] as DeadlineWarningRaised).data;
    return {
      problemId,
      partId,
      unitId: d.unitId,
      deadline: d.deadline,
      daysLeft: d.daysLeft,
      level: d.level,
      levelName: WARNING_LEVEL_NAMES[d.level],
      notify: d.notify,
      position: result.positions[0],
    };
  }
}
