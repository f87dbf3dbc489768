import { Projection } from '@platform/read-models';
import { auditTrailProjection } from './audit-trail/audit-trail.projection';
import { inboxProjection } from './inbox/inbox.projection';
import { instructionsProjection } from './instructions/instructions.projection';
import { noticesProjection } from './notices/notices.projection';
import { progressBoardProjection } from './progress-board/progress-board.projection';
import { rectificationLedgerProjection } from './rectification-tracker/rectification-ledger.projection';

/** Every read model of this context, in the order `npm run rebuild` rebuilds them. */
export const VIEW_PROJECTIONS: readonly Projection[] = [
  progressBoardProjection as Projection,
  rectificationLedgerProjection as Projection,
  auditTrailProjection as Projection,
  noticesProjection as Projection,
  instructionsProjection as Projection,
  inboxProjection as Projection,
];
