import { IsIn } from 'class-validator';
import { IsId } from '@platform/common';
import { Role } from '@platform/domain';
import { problemUnits } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { recheckProblem } from './recheck-problem';

const OUTCOMES = ['held', 'rebounded'] as const;

export class RecheckProblemRequest {
  /** The 回头看 campaign doing the re-check; its parent must be the problem's campaign */
  @IsId()
  lookBackCampaignId!: string;

  /** held 巩固 | rebounded 反弹 (reopens the problem in a new cycle) */
  @IsIn(OUTCOMES, { message: 'outcome 须为: held, rebounded' })
  outcome!: (typeof OUTCOMES)[number];

  @IsText(5000)
  finding!: string;
}

/** Inspectors and the office re-check; a unit may only admit its own rebound (the decider says so). */
const RECHECKERS: readonly Role[] = ['office', 'inspector', 'operator'];

export const RecheckProblemHttpController = rectificationEdge(recheckProblem, 'api/problems/:problemId/recheck', {
  operation: { summary: '“回头看”复查已销号问题 (re-check a closed problem in look-back)', description: '“回头看”复查已销号问题：巩固或反弹（反弹则重新整改，历史保留）' },
  access: { roles: RECHECKERS, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemParams, body: RecheckProblemRequest, input: (p, body) => ({ problemId: p.problemId, ...body }),
});
