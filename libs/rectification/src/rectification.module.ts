import { Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CampaignsModule } from '@platform/campaigns';
import { ScopeLookupRegistry } from '@platform/common';
import { OrganizationsModule } from '@platform/organizations';
import { RegisterProblemHandler } from './commands/register-problem/register-problem.handler';
import { RegisterProblemHttpController } from './commands/register-problem/register-problem.http.controller';
import { PlanRectificationHandler } from './commands/plan-rectification/plan-rectification.handler';
import { PlanRectificationHttpController } from './commands/plan-rectification/plan-rectification.http.controller';
import { PublishPlanHandler } from './commands/publish-plan/publish-plan.handler';
import { PublishPlanHttpController } from './commands/publish-plan/publish-plan.http.controller';
import { RecordProgressHandler } from './commands/record-progress/record-progress.handler';
import { RecordProgressHttpController } from './commands/record-progress/record-progress.http.controller';
import { ChangeDeadlineHandler } from './commands/change-deadline/change-deadline.handler';
import { ChangeDeadlineHttpController } from './commands/change-deadline/change-deadline.http.controller';
import { ClaimFixedHandler } from './commands/claim-fixed/claim-fixed.handler';
import { ClaimFixedHttpController } from './commands/claim-fixed/claim-fixed.http.controller';
import { AcceptFixHandler } from './commands/accept-fix/accept-fix.handler';
import { AcceptFixHttpController } from './commands/accept-fix/accept-fix.http.controller';
import { RejectFixHandler } from './commands/reject-fix/reject-fix.handler';
import { RejectFixHttpController } from './commands/reject-fix/reject-fix.http.controller';
import { CloseProblemHandler } from './commands/close-problem/close-problem.handler';
import { CloseProblemHttpController } from './commands/close-problem/close-problem.http.controller';
import { DeferProblemHandler } from './commands/defer-problem/defer-problem.handler';
import { DeferProblemHttpController } from './commands/defer-problem/defer-problem.http.controller';
import { ReviewDeferralHandler } from './commands/review-deferral/review-deferral.handler';
import { ReviewDeferralHttpController } from './commands/review-deferral/review-deferral.http.controller';
import { ResumeRectificationHandler } from './commands/resume-rectification/resume-rectification.handler';
import { ResumeRectificationHttpController } from './commands/resume-rectification/resume-rectification.http.controller';
import { EscalateToJointHandler } from './commands/escalate-to-joint/escalate-to-joint.handler';
import { EscalateToJointHttpController } from './commands/escalate-to-joint/escalate-to-joint.http.controller';
import { RecordPartProgressHandler } from './commands/record-part-progress/record-part-progress.handler';
import { RecordPartProgressHttpController } from './commands/record-part-progress/record-part-progress.http.controller';
import { ChangePartDeadlineHandler } from './commands/change-part-deadline/change-part-deadline.handler';
import { ChangePartDeadlineHttpController } from './commands/change-part-deadline/change-part-deadline.http.controller';
import { ClosePartHandler } from './commands/close-part/close-part.handler';
import { ClosePartHttpController } from './commands/close-part/close-part.http.controller';
import { RecheckProblemHandler } from './commands/recheck-problem/recheck-problem.handler';
import { RecheckProblemHttpController } from './commands/recheck-problem/recheck-problem.http.controller';
import { RunWarningCheckHandler } from './commands/run-warning-check/run-warning-check.handler';
import { RunWarningCheckHttpController } from './commands/run-warning-check/run-warning-check.http.controller';
import { OpenSatisfactionRoundHandler } from './commands/open-satisfaction-round/open-satisfaction-round.handler';
import { OpenSatisfactionRoundHttpController } from './commands/open-satisfaction-round/open-satisfaction-round.http.controller';
import { RecordBallotTallyHandler } from './commands/record-ballot-tally/record-ballot-tally.handler';
import { RecordBallotTallyHttpController } from './commands/record-ballot-tally/record-ballot-tally.http.controller';
import { CastBallotHandler } from './commands/cast-ballot/cast-ballot.handler';
import { CastBallotHttpController } from './commands/cast-ballot/cast-ballot.http.controller';
import { CloseSatisfactionRoundHandler } from './commands/close-satisfaction-round/close-satisfaction-round.handler';
import { CloseSatisfactionRoundHttpController } from './commands/close-satisfaction-round/close-satisfaction-round.http.controller';
import { GetProblemHttpController } from './queries/get-problem/get-problem.http.controller';
import { GetProblemTimelineHttpController } from './queries/get-problem-timeline/get-problem-timeline.http.controller';
import { ListPublicProblemsHttpController } from './queries/list-public-problems/list-public-problems.http.controller';
import { GetPublicProblemHttpController } from './queries/get-public-problem/get-public-problem.http.controller';
import { GetSatisfactionHttpController } from './queries/get-satisfaction/get-satisfaction.http.controller';
import { GetPublicSatisfactionHttpController } from './queries/get-public-satisfaction/get-public-satisfaction.http.controller';
import { OfficeCalendar } from './office-calendar';
import { RectificationFactsLoader } from './rectification-facts';
import { ProblemIndex, unitsOfProblem } from './problem-index';
import { loadRectificationConfig, RECTIFICATION_CONFIG } from './rectification-config';
import { DeadlineWarningCheck } from './warnings/deadline-warning-check';
import { DeadlineWarningJob } from './warnings/deadline-warning.job';

/**
 * Bounded context: the rectification ledger (整改台账) — problems from registration to closing,
 * deferral, joint handling, look-back re-checks, deadline warnings, 公示 — and satisfaction
 * evaluation (满意度测评).
 */
@Module({
  imports: [CqrsModule, OrganizationsModule, CampaignsModule],
  controllers: [
    RunWarningCheckHttpController,
    RegisterProblemHttpController,
    PlanRectificationHttpController,
    PublishPlanHttpController,
    RecordProgressHttpController,
    ChangeDeadlineHttpController,
    ClaimFixedHttpController,
    AcceptFixHttpController,
    RejectFixHttpController,
    CloseProblemHttpController,
    DeferProblemHttpController,
    ReviewDeferralHttpController,
    ResumeRectificationHttpController,
    EscalateToJointHttpController,
    RecordPartProgressHttpController,
    ChangePartDeadlineHttpController,
    ClosePartHttpController,
    RecheckProblemHttpController,
    OpenSatisfactionRoundHttpController,
    RecordBallotTallyHttpController,
    CastBallotHttpController,
    CloseSatisfactionRoundHttpController,
    GetProblemHttpController,
    GetProblemTimelineHttpController,
    ListPublicProblemsHttpController,
    GetPublicProblemHttpController,
    GetSatisfactionHttpController,
    GetPublicSatisfactionHttpController,
  ],
  providers: [
    { provide: RECTIFICATION_CONFIG, useFactory: () => loadRectificationConfig() },
    OfficeCalendar,
    ProblemIndex,
    RectificationFactsLoader,
    DeadlineWarningCheck,
    DeadlineWarningJob,
    RegisterProblemHandler,
    PlanRectificationHandler,
    PublishPlanHandler,
    RecordProgressHandler,
    ChangeDeadlineHandler,
    ClaimFixedHandler,
    AcceptFixHandler,
    RejectFixHandler,
    CloseProblemHandler,
    DeferProblemHandler,
    ReviewDeferralHandler,
    ResumeRectificationHandler,
    EscalateToJointHandler,
    RecordPartProgressHandler,
    ChangePartDeadlineHandler,
    ClosePartHandler,
    RecheckProblemHandler,
    RunWarningCheckHandler,
    OpenSatisfactionRoundHandler,
    RecordBallotTallyHandler,
    CastBallotHandler,
    CloseSatisfactionRoundHandler,
  ],
  exports: [ProblemIndex],
})
export class RectificationModule implements OnModuleInit {
  constructor(
    private readonly lookups: ScopeLookupRegistry,
    private readonly index: ProblemIndex,
  ) {}

  onModuleInit(): void {
    const involved = async (problemId: string) => {
      const s = await this.index.get(problemId);
      return s?.exists ? unitsOfProblem(s) : null;
    };
    this.lookups.register('problem', involved);
    this.lookups.register('problem-responsible', async (problemId) => {
      const s = await this.index.get(problemId);
      return s?.exists ? [s.responsibleUnitId] : null;
    });
    this.lookups.registerStreamCategory('problem', (streamId) => involved(streamId.slice('problem-'.length)));
    // satisfaction-<campaign>.<unit>: ids never contain '.', so the unit is what follows it.
    this.lookups.registerStreamCategory('satisfaction', async (streamId) => [streamId.slice(streamId.indexOf('.') + 1)]);
  }
}
