import { IsId, IsListOf } from '@platform/common';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsCalendarDate, IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { escalateToJoint } from './escalate-to-joint';

/** One participating unit's share of the work. */
export class JointPartRequestBody {
  @IsId()
  partId!: string;

  @IsId()
  unitId!: string;

  @IsText(2000)
  description!: string;

  @IsCalendarDate()
  deadline!: string;
}

export class EscalateToJointRequest {
  /** 牵头单位: a unit above the responsible unit (上级党委) */
  @IsId()
  coordinatorUnitId!: string;

  /** Why it needs comprehensive handling (需要综合治理) */
  @IsText(2000)
  reason!: string;

  @IsListOf(() => JointPartRequestBody, { min: 1, max: 100 })
  parts!: JointPartRequestBody[];
}

export const EscalateToJointHttpController = rectificationEdge(escalateToJoint, 'api/problems/:problemId/escalate', {
  operation: { summary: '转为联动整改 (escalate to joint handling)', description: '转为联动整改：上级牵头单位协调，各参与单位分担任务' },
  access: { roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemParams, body: EscalateToJointRequest, input: (p, body) => ({ problemId: p.problemId, ...body }),
});
