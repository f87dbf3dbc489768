import { Module } from '@nestjs/common';
import { CampaignsModule } from '@platform/campaigns';
import { PLATFORM_CONFIG, PlatformConfig, StreamCategory, unitAfterDot } from '@platform/common';
import { OrganizationsModule } from '@platform/organizations';
import { RegisterProblemHttpController } from './commands/register-problem/register-problem.http';
import { PlanRectificationHttpController } from './commands/plan-rectification/plan-rectification.http';
import { PublishPlanHttpController } from './commands/publish-plan/publish-plan.http';
import { RecordProgressHttpController } from './commands/record-progress/record-progress.http';
import { ChangeDeadlineHttpController } from './commands/change-deadline/change-deadline.http';
import { ClaimFixedHttpController } from './commands/claim-fixed/claim-fixed.http';
import { AcceptFixHttpController } from './commands/accept-fix/accept-fix.http';
import { RejectFixHttpController } from './commands/reject-fix/reject-fix.http';
import { CloseProblemHttpController } from './commands/close-problem/close-problem.http';
import { DeferProblemHttpController } from './commands/defer-problem/defer-problem.http';
import { ReviewDeferralHttpController } from './commands/review-deferral/review-deferral.http';
import { ResumeRectificationHttpController } from './commands/resume-rectification/resume-rectification.http';
import { EscalateToJointHttpController } from './commands/escalate-to-joint/escalate-to-joint.http';
import { RecordPartProgressHttpController } from './commands/record-part-progress/record-part-progress.http';
import { ChangePartDeadlineHttpController } from './commands/change-part-deadline/change-part-deadline.http';
import { ClosePartHttpController } from './commands/close-part/close-part.http';
import { RecheckProblemHttpController } from './commands/recheck-problem/recheck-problem.http';
import { NoteSupervisionHttpController } from './commands/note-supervision/note-supervision.http';
import { RunWarningCheckHttpController } from './commands/run-warning-check/run-warning-check.http';
import { OpenSatisfactionRoundHttpController } from './commands/open-satisfaction-round/open-satisfaction-round.http';
import { RecordBallotTallyHttpController } from './commands/record-ballot-tally/record-ballot-tally.http';
import { CastBallotHttpController } from './commands/cast-ballot/cast-ballot.http';
import { CloseSatisfactionRoundHttpController } from './commands/close-satisfaction-round/close-satisfaction-round.http';
import { GetProblemHttpController } from './queries/get-problem/get-problem.http.controller';
import { GetProblemTimelineHttpController } from './queries/get-problem-timeline/get-problem-timeline.http.controller';
import { GetPublicProblemHttpController } from './queries/get-public-problem/get-public-problem.http.controller';
import { GetProblemFileHttpController } from './queries/get-problem-file/get-problem-file.http.controller';
import { GetPublicProblemFileHttpController } from './queries/get-public-problem-file/get-public-problem-file.http.controller';
import { GetSatisfactionHttpController } from './queries/get-satisfaction/get-satisfaction.http.controller';
import { GetPublicSatisfactionHttpController } from './queries/get-public-satisfaction/get-public-satisfaction.http.controller';
import { OfficeCalendar } from './office-calendar';
import { RectificationCommands, RectificationFactsLoader } from './rectification-facts';
import { ProblemResponsibleUnit, ProblemUnits } from './http/problem-access';
import { ProblemStates } from './problem-states';
import { loadRectificationConfig, RECTIFICATION_CONFIG } from './rectification-config';
import { DeadlineWarningCheck } from './warnings/deadline-warning-check';
import { DeadlineWarningJob } from './warnings/deadline-warning.job';

/**
 * Bounded context: the rectification ledger (整改台账) — problems from registration to closing,
 * deferral, joint handling, look-back re-checks, deadline warnings, 公示 — and satisfaction
 * evaluation (满意度测评).
 */
@Module({
  imports: [OrganizationsModule, CampaignsModule],
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
    NoteSupervisionHttpController,
    OpenSatisfactionRoundHttpController,
    RecordBallotTallyHttpController,
    CastBallotHttpController,
    CloseSatisfactionRoundHttpController,
    GetProblemHttpController,
    GetProblemTimelineHttpController,
    GetPublicProblemHttpController,
    GetProblemFileHttpController,
    GetPublicProblemFileHttpController,
    GetSatisfactionHttpController,
    GetPublicSatisfactionHttpController,
  ],
  providers: [
    { provide: RECTIFICATION_CONFIG, useFactory: (config: PlatformConfig) => loadRectificationConfig(process.env, config.jobs), inject: [PLATFORM_CONFIG] },
    OfficeCalendar,
    ProblemStates,
    ProblemUnits,
    ProblemResponsibleUnit,
    RectificationFactsLoader,
    RectificationCommands,
    DeadlineWarningCheck,
    DeadlineWarningJob,
  ],
  exports: [ProblemStates, ProblemUnits, ProblemResponsibleUnit],
})
export class RectificationModule {}

/** A problem concerns every unit that worked on it; `satisfaction-<campaign>.<unit>` its unit. */
export const RECTIFICATION_STREAMS: readonly StreamCategory[] = [
  { prefix: 'problem', units: (streamId, lookups) => lookups.lookup(ProblemUnits).units(streamId.slice('problem-'.length)) },
  { prefix: 'satisfaction', units: async (streamId) => unitAfterDot(streamId) },
];
