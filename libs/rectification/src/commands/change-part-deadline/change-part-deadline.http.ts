import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemPartParams } from '../../http/problem-params';
import { IsCalendarDate, IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { changePartDeadline } from './change-part-deadline';

export class ChangePartDeadlineRequest {
  @IsCalendarDate()
  deadline!: string;

  @IsText(2000)
  reason!: string;
}

export const ChangePartDeadlineHttpController = rectificationEdge(changePartDeadline, 'api/problems/:problemId/parts/:partId/deadline', {
  operation: { summary: '调整联动整改任务的时限 (change a joint part\'s deadline)', description: '调整联动整改任务的时限（须说明理由）' },
  access: { roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemPartParams, body: ChangePartDeadlineRequest, input: (p, body) => ({ problemId: p.problemId, partId: p.partId, ...body }),
});
