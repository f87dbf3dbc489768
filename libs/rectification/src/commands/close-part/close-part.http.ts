import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemPartParams } from '../../http/problem-params';
import { IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { closePart } from './close-part';

export class ClosePartRequest {
  /** 完成任务的佐证 */
  @IsText(5000)
  evidence!: string;
}

export const ClosePartHttpController = rectificationEdge(closePart, 'api/problems/:problemId/parts/:partId/close', {
  operation: { summary: '完成联动整改任务 (close a joint-handling part)', description: '完成联动整改任务（附佐证）' },
  access: { roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemPartParams, body: ClosePartRequest, input: (p, body) => ({ problemId: p.problemId, partId: p.partId, ...body }),
});
