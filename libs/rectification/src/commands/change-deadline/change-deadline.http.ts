import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsCalendarDate, IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { changeDeadline } from './change-deadline';

export class ChangeDeadlineRequest {
  @IsCalendarDate()
  deadline!: string;

  /** Why: never a silent extension */
  @IsText(2000)
  reason!: string;
}

export const ChangeDeadlineHttpController = rectificationEdge(changeDeadline, 'api/problems/:problemId/deadline', {
  operation: { summary: '调整整改时限 (change the rectification deadline)', description: '调整整改时限（须说明理由，原时限保留在历史中）' },
  access: { roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemParams, body: ChangeDeadlineRequest, input: (p, body) => ({ problemId: p.problemId, ...body }),
});
