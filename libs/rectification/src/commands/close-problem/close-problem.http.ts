import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NoControlCharacters } from '@platform/common';
import { responsibleUnit, VERIFIERS } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { rectificationEdge } from '../../rectification-facts';
import { closeProblem } from './close-problem';

export class CloseProblemRequest {
  /** 防止反弹的长效机制, when the unit built one */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @NoControlCharacters({ multiline: true })
  mechanisms?: string | null;
}

export const CloseProblemHttpController = rectificationEdge(closeProblem, 'api/problems/:problemId/close', {
  operation: { summary: '销号 (close a problem)', description: '销号（可记录防止反弹的长效机制）' },
  access: { roles: VERIFIERS, mode: 'write', units: responsibleUnit },
  params: ProblemParams, body: CloseProblemRequest, input: (p, body) => ({ problemId: p.problemId, ...body }),
});
