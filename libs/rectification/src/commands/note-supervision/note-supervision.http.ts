import { IsOccurredAt } from '@platform/common';
import { problemUnits, SUPERVISORS } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsCalendarDate, IsText } from '../../http/request-rules';
import { rectificationEdge } from '../../rectification-facts';
import { noteSupervision } from './note-supervision';

export class NoteSupervisionRequest {
  /** What the supervision group found (督查发现) */
  @IsText(5000)
  finding!: string;

  /** What it demands of the unit (督查要求) */
  @IsText(5000)
  demand!: string;

  /** By when the demand is to be met */
  @IsCalendarDate()
  dueBy!: string;

  /** When the supervision took place; defaults to now; may not be in the future */
  @IsOccurredAt()
  occurredAt?: string;
}

/** The documented request; the supervision e2e spec notes its findings from it. */
export const SUPERVISION_NOTE_EXAMPLE = {
  finding: '整改措施未落实到人，台账记录不完整',
  demand: '明确责任人，补齐整改台账并报督导组',
  dueBy: '2026-04-30',
};

export const NoteSupervisionHttpController = rectificationEdge(noteSupervision, 'api/problems/:problemId/supervision-notes', {
  operation: {
    summary: '记录督查意见 (record a supervision note)',
    description: '督导组（或活动办公室）对所联系单位的问题记录督查意见：发现的问题、督查要求和完成时限；不能督查本单位的问题，已验收的问题不再督查',
  },
  example: { summary: '督查意见 (supervision note)', value: SUPERVISION_NOTE_EXAMPLE },
  access: { roles: SUPERVISORS, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemParams, body: NoteSupervisionRequest, input: (p, body) => ({ problemId: p.problemId, ...body }),
});
