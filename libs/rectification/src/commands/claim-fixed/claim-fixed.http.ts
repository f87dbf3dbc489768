import { IsOptional } from 'class-validator';
import { StoredBlobRefs } from '@platform/blobs';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsAttachmentRefs, IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { claimFixed } from './claim-fixed';

export class ClaimFixedRequest {
  /** 整改成效佐证 */
  @IsText(5000)
  evidence!: string;

  @IsOptional()
  @IsAttachmentRefs()
  attachmentRefs?: string[];
}

export const ClaimFixedHttpController = rectificationEdge(claimFixed, 'api/problems/:problemId/claim-fixed', {
  operation: { summary: '申请验收 (claim a problem fixed)', description: '申请验收（附整改成效佐证）' },
  access: { roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemParams, body: ClaimFixedRequest, bodyPipes: [StoredBlobRefs], input: (p, body) => ({ problemId: p.problemId, ...body }),
});
