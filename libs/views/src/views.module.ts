import { Global, Module } from '@nestjs/common';
import { StreamCategory } from '@platform/common';
import { CampaignsModule } from '@platform/campaigns';
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
import { VerifyEventChainHttpController } from './queries/verify-event-chain/verify-event-chain.http.controller';
import { LEDGER_PROBLEMS, LedgerProblemDoc } from './rectification-tracker/rectification-ledger.documents';
import { WARNING_CANDIDATES } from '@platform/rectification';
import { LedgerWarningCandidates } from './rectification-tracker/ledger-warning-candidates';
import { InstructionUnits, LedgerProblemUnits, NoticeUnits } from './shared/view-lookups';
import { GetInstructionHttpController } from './queries/get-instruction/get-instruction.http.controller';
import { ListInstructionsHttpController } from './queries/list-instructions/list-instructions.http.controller';
import { ViewMoments } from './shared/view-moment';
import { VIEW_PROJECTIONS } from './view-projections';

/**
 * Bounded context: the read side — progress boards, the rectification tracker and ledger,
 * the audit trail and notices, live or as of any past moment. Needs ReadModelsModule.forRoot
 * (the store and the runner) in the application. Global because it serves the rectification
 * context's warning job its candidates (WARNING_CANDIDATES) from the ledger, and that context
 * cannot import the read side that depends on it.
 */
@Global()
@Module({
  imports: [OrganizationsModule, CampaignsModule, ReadModelsModule.forFeature(VIEW_PROJECTIONS)],
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
    ListInstructionsHttpController,
    GetInstructionHttpController,
  ],
  providers: [ViewMoments, NoticeCommands, LedgerProblemUnits, NoticeUnits, InstructionUnits, { provide: WARNING_CANDIDATES, useClass: LedgerWarningCandidates }],
  exports: [ViewMoments, WARNING_CANDIDATES, InstructionUnits],
})
export class ViewsModule {}

/** A notice concerns the units on its board; an instruction its target's and its addressed units. */
export const VIEW_STREAMS: readonly StreamCategory[] = [
  { prefix: 'notice', units: (streamId, lookups) => lookups.lookup(NoticeUnits).units(streamId.slice('notice-'.length)) },
  { prefix: 'instruction', units: (streamId, lookups) => lookups.lookup(InstructionUnits).units(streamId.slice('instruction-'.length)) },
];
