import { StoredBlobRefs } from '@platform/blobs';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemPartParams } from '../../http/problem-params';
import { rectificationEdge } from '../../rectification-facts';
import { RecordProgressRequest } from '../record-progress/record-progress.http';
import { recordPartProgress } from './record-part-progress';

/** A part's progress note takes what the problem's own does. */
export class RecordPartProgressRequest extends RecordProgressRequest {}

/** 记录联动整改任务的进展 */
export const RecordPartProgressHttpController = rectificationEdge(recordPartProgress, 'api/problems/:problemId/parts/:partId/progress', {
  operation: { summary: '记录联动整改任务的进展 (record a joint part\'s progress)' },
  access: { roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' },
  params: ProblemPartParams, body: RecordPartProgressRequest, bodyPipes: [StoredBlobRefs], input: (p, body) => ({ problemId: p.problemId, partId: p.partId, ...body }),
});
