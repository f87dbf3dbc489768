import { Projection } from '@platform/read-models';
import { assessmentResultsProjection } from './assessment-results/assessment-results.projection';
import { auditTrailProjection } from './audit-trail/audit-trail.projection';
import { inboxProjection } from './inbox/inbox.projection';
import { instructionsProjection } from './instructions/instructions.projection';
import { noticesProjection } from './notices/notices.projection';
import { progressBoardProjection } from './progress-board/progress-board.projection';
import { memberRosterProjection } from './member-roster/member-roster.projection';
import { keyTaskScheduleProjection } from './key-task-schedule/key-task-schedule.projection';
import { rectificationLedgerProjection } from './rectification-tracker/rectification-ledger.projection';
import { demonstrationRegisterProjection } from './demonstration-register/demonstration-register.projection';
import { searchProjection } from './search/search.projection';

/** Every read model of this context, in the order `npm run rebuild` rebuilds them. */
export const VIEW_PROJECTIONS: readonly Projection[] = [
  progressBoardProjection as Projection,
  rectificationLedgerProjection as Projection,
  auditTrailProjection as Projection,
  noticesProjection as Projection,
  assessmentResultsProjection as Projection,
  demonstrationRegisterProjection as Projection,
  memberRosterProjection as Projection,
  keyTaskScheduleProjection as Projection,
  searchProjection as Projection,
  instructionsProjection as Projection,
  inboxProjection as Projection,
];
