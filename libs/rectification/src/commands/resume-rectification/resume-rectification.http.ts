import { IsOptional } from 'class-validator';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsCalendarDate, IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { resumeRectification } from './resume-rectification';

export class ResumeRectificationRequest {
  /** What changed so the work can go on */
  @IsText(5000)
  note!: string;

  /** A new 整改时限, recorded in the deadline history like any change */
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;
}

export const ResumeRectificationHttpController = rectificationEdge(resumeRectification, 'api/problems/:problemId/resume', {
  operation: { summary: '恢复整改 (resume rectification)', description: '恢复整改（可同时确定新的整改时限）' },
  access: { roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemParams, body: ResumeRectificationRequest, input: (p, body) => ({ problemId: p.problemId, ...body }),
});
