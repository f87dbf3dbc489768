import { IsOptional } from 'class-validator';
import { StoredBlobRefs } from '@platform/blobs';
import { IsOccurredAt } from '@platform/common';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsAttachmentRefs, IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { recordProgress } from './record-progress';

export class RecordProgressRequest {
  /** 整改进展 by the unit's side (a supervision group's 督查 is a supervision note) */
  @IsText(5000)
  note!: string;

  @IsOptional()
  @IsAttachmentRefs()
  attachmentRefs?: string[];

  /** When it happened; defaults to now; may not be in the future */
  @IsOccurredAt()
  occurredAt?: string;
}

export const RecordProgressHttpController = rectificationEdge(recordProgress, 'api/problems/:problemId/progress', {
  operation: { summary: '记录整改进展 (record rectification progress)', description: '责任单位记录整改进展（督导组的督查意见另见 supervision-notes）' },
  example: { summary: '整改进展 (progress)', value: { note: '首问负责制已建立并在服务窗口公示', attachmentRefs: ['uploads/2026/03/notice-0012.pdf'] } },
  access: { roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemParams, body: RecordProgressRequest, bodyPipes: [StoredBlobRefs], input: (p, body) => ({ problemId: p.problemId, ...body }),
});
