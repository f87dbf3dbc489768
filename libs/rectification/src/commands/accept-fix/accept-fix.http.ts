import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NoControlCharacters } from '@platform/common';
import { responsibleUnit, VERIFIERS } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { rectificationEdge } from '../../rectification-facts';
import { acceptFix } from './accept-fix';

export class AcceptFixRequest {
  /** 验收意见 */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @NoControlCharacters({ multiline: true })
  comment?: string;
}

export const AcceptFixHttpController = rectificationEdge(acceptFix, 'api/problems/:problemId/accept-fix', {
  operation: { summary: '验收通过 (accept a fix)', description: '验收通过（不能验收本单位或自己提交的整改）' },
  access: { roles: VERIFIERS, mode: 'write', units: responsibleUnit },
  params: ProblemParams, body: AcceptFixRequest, input: (p, body) => ({ problemId: p.problemId, ...body }),
});
