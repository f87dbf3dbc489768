import { responsibleUnit, VERIFIERS } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { rejectFix } from './reject-fix';

export class RejectFixRequest {
  /** Why the fix does not hold: the unit works on from here */
  @IsText(2000)
  reason!: string;
}

export const RejectFixHttpController = rectificationEdge(rejectFix, 'api/problems/:problemId/reject-fix', {
  operation: { summary: '验收不通过，退回整改 (reject a fix)', description: '验收不通过，退回整改（须说明理由）' },
  access: { roles: VERIFIERS, mode: 'write', units: responsibleUnit },
  params: ProblemParams, body: RejectFixRequest, input: (p, body) => ({ problemId: p.problemId, ...body }),
});
