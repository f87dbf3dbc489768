import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { rectificationEdge } from '../../rectification-facts';
import { publishPlan } from './publish-plan';

/** Publishing takes no input: the plan published is the one recorded. Unknown fields are refused. */
export class PublishPlanRequest {}

export const PublishPlanHttpController = rectificationEdge(publishPlan, 'api/problems/:problemId/publish', {
  operation: { summary: '公示整改方案 (publish the rectification plan)', description: '公示整改方案（此后群众无需登录即可查看）' },
  access: { roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemParams, body: PublishPlanRequest, input: (p, body) => ({ problemId: p.problemId, ...body }),
});
