import { streamUseCase } from '@platform/common';
import { keyTaskDecider, keyTaskStreamId } from '@platform/domain';
import type { ReportTaskProgressRequest } from './report-task-progress.http';

export const reportTaskProgress = streamUseCase(keyTaskDecider)({
  name: 'ReportTaskProgress',
  streamId: (i: { taskId: string; stockTakeId: string; unitId: string } & ReportTaskProgressRequest) => keyTaskStreamId(i.taskId),
  occurredAt: (i) => i.occurredAt,
  toCommand: (i, _, context) => ({
    type: 'ReportTaskProgress',
    ...context,
    stockTakeId: i.stockTakeId,
    unitId: i.unitId,
    value: i.value ?? null,
    done: i.done,
    narrative: i.narrative,
    evidence: i.evidence ?? [],
  }),
});
