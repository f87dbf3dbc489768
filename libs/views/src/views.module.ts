import { Global, Module } from '@nestjs/common';
import { StreamCategory } from '@platform/common';
import { AssessmentsModule } from '@platform/assessments';
import { CampaignsModule } from '@platform/campaigns';
import { KeyTasksModule } from '@platform/key-tasks';
import { OrganizationsModule } from '@platform/organizations';
import { ReadModelsModule } from '@platform/read-models';
import { AcknowledgeChainBreakHttpController } from './commands/acknowledge-chain-break/acknowledge-chain-break.http';
import { NoticeCommands } from './commands/notice-commands';
import { PublishNoticeHttpController } from './commands/publish-notice/publish-notice.http';
import { NoticeDoc, NOTICES } from './notices/notices.documents';
import { ExportNoticeHttpController } from './queries/export-notice/export-notice.http.controller';
import { GetSigningKeyHttpController } from './queries/get-signing-key/get-signing-key.http.controller';
import { ListCheckpointsHttpController } from './queries/list-checkpoints/list-checkpoints.http.controller';
import { VerifyCheckpointHttpController } from './queries/verify-checkpoint/verify-checkpoint.http.controller';
import { ExportLedgerHttpController } from './queries/export-ledger/export-ledger.http.controller';
import { ExportProgressBoardHttpController } from './queries/export-progress-board/export-progress-board.http.controller';
import { GetNoticeHttpController } from './queries/get-notice/get-notice.http.controller';
import { GetProblemTimelineHttpController } from './queries/get-problem-timeline/get-problem-timeline.http.controller';
import { GetProgressBoardHttpController } from './queries/get-progress-board/get-progress-board.http.controller';
import { GetRectificationTrackerHttpController } from './queries/get-rectification-tracker/get-rectification-tracker.http.controller';
import { ListPublicProblemsHttpController } from './queries/list-public-problems/list-public-problems.http.controller';
import { ListNoticesHttpController } from './queries/list-notices/list-notices.http.controller';
import { ListTrackedProblemsHttpController } from './queries/list-tracked-problems/list-tracked-problems.http.controller';
import { ReproduceNoticeHttpController } from './queries/reproduce-notice/reproduce-notice.http.controller';
import { SearchAuditTrailHttpController } from './queries/search-audit-trail/search-audit-trail.http.controller';
import { ExportUnitRosterHttpController } from './queries/export-unit-roster/export-unit-roster.http.controller';
import { GetRosterCountsHttpController } from './queries/get-roster-counts/get-roster-counts.http.controller';
import { GetUnitRosterHttpController } from './queries/get-unit-roster/get-unit-roster.http.controller';
import { VerifyEventChainHttpController } from './queries/verify-event-chain/verify-event-chain.http.controller';
import { SearchHttpController } from './queries/search/search.http.controller';
import { SearchReader } from './search/search-reader';
import { LEDGER_PROBLEMS, LedgerProblemDoc } from './rectification-tracker/rectification-ledger.documents';
import { WARNING_CANDIDATES } from '@platform/rectification';
import { LedgerWarningCandidates } from './rectification-tracker/ledger-warning-candidates';
import { InstructionUnits, LedgerProblemUnits, NoticeUnits } from './shared/view-lookups';
import { GetInstructionHttpController } from './queries/get-instruction/get-instruction.http.controller';
import { ListInstructionsHttpController } from './queries/list-instructions/list-instructions.http.controller';
import { ViewMoments } from './shared/view-moment';
import { VIEW_PROJECTIONS } from './view-projections';
import { ExportAssessmentResultsHttpController } from './queries/export-assessment-results/export-assessment-results.http.controller';
import { GetAssessmentResultsHttpController } from './queries/get-assessment-results/get-assessment-results.http.controller';
import { GetAssessmentUnitHttpController } from './queries/get-assessment-unit/get-assessment-unit.http.controller';
import { GetDemonstrationPointHttpController } from './queries/get-demonstration-point/get-demonstration-point.http.controller';
import { ListAssessmentPeriodsHttpController } from './queries/list-assessment-periods/list-assessment-periods.http.controller';
import { ListDemonstrationPointsHttpController } from './queries/list-demonstration-points/list-demonstration-points.http.controller';
import { PublishKeyTaskNoticeHttpController } from './commands/publish-key-task-notice/publish-key-task-notice.http';
import { ExportKeyTaskScheduleHttpController } from './queries/export-key-task-schedule/export-key-task-schedule.http.controller';
import { GetKeyTaskScheduleHttpController } from './queries/get-key-task-schedule/get-key-task-schedule.http.controller';
import { ListKeyTaskNoticesHttpController } from './queries/list-key-task-notices/list-key-task-notices.http.controller';
import { ListKeyTasksHttpController } from './queries/list-key-tasks/list-key-tasks.http.controller';

/**
 * Bounded context: the read side — progress boards, the rectification tracker and ledger,
 * the audit trail and notices, live or as of any past moment. Needs ReadModelsModule.forRoot
 * (the store and the runner) in the application. Global because it serves the rectification
 * context's warning job its candidates (WARNING_CANDIDATES) from the ledger, and that context
 * cannot import the read side that depends on it.
 */
@Global()
@Module({
  imports: [OrganizationsModule, CampaignsModule, AssessmentsModule, KeyTasksModule, ReadModelsModule.forFeature(VIEW_PROJECTIONS)],
  controllers: [
    GetProgressBoardHttpController,
    ExportProgressBoardHttpController,
    GetRectificationTrackerHttpController,
    ListTrackedProblemsHttpController,
    ExportLedgerHttpController,
    GetProblemTimelineHttpController,
    SearchAuditTrailHttpController,
    VerifyEventChainHttpController,
    ListCheckpointsHttpController,
    VerifyCheckpointHttpController,
    GetSigningKeyHttpController,
    AcknowledgeChainBreakHttpController,
    PublishNoticeHttpController,
    ListNoticesHttpController,
    GetNoticeHttpController,
    ReproduceNoticeHttpController,
    ExportNoticeHttpController,
    ListPublicProblemsHttpController,
    ListAssessmentPeriodsHttpController,
    GetAssessmentResultsHttpController,
    ExportAssessmentResultsHttpController,
    GetAssessmentUnitHttpController,
    ListDemonstrationPointsHttpController,
    GetDemonstrationPointHttpController,
    GetUnitRosterHttpController,
    GetRosterCountsHttpController,
    ExportUnitRosterHttpController,
    ListKeyTasksHttpController,
    GetKeyTaskScheduleHttpController,
    ExportKeyTaskScheduleHttpController,
    PublishKeyTaskNoticeHttpController,
    ListKeyTaskNoticesHttpController,
    SearchHttpController,
    ListInstructionsHttpController,
    GetInstructionHttpController,
  ],
  providers: [ViewMoments, NoticeCommands, LedgerProblemUnits, NoticeUnits, InstructionUnits, { provide: WARNING_CANDIDATES, useClass: LedgerWarningCandidates }, SearchReader],
  exports: [ViewMoments, WARNING_CANDIDATES, InstructionUnits],
})
export class ViewsModule {}

/** A notice concerns the units on its board; an instruction its target's and its addressed units. */
export const VIEW_STREAMS: readonly StreamCategory[] = [
  { prefix: 'notice', units: (streamId, lookups) => lookups.lookup(NoticeUnits).units(streamId.slice('notice-'.length)) },
  { prefix: 'instruction', units: (streamId, lookups) => lookups.lookup(InstructionUnits).units(streamId.slice('instruction-'.length)) },
];
