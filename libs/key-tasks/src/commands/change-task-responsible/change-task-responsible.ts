import { streamUseCase } from '@platform/common';
import { keyTaskDecider, keyTaskStreamId } from '@platform/domain';
import type { ChangeTaskResponsibleRequest } from './change-task-responsible.http';

export const changeTaskResponsible = streamUseCase(keyTaskDecider)({
  name: 'ChangeTaskResponsible',
  streamId: (i: { taskId: string; unitId: string } & ChangeTaskResponsibleRequest) => keyTaskStreamId(i.taskId),
  toCommand: (i, _, context) => ({ type: 'ChangeTaskResponsible', ...context, unitId: i.unitId, responsible: i.responsible, reason: i.reason }),
});
