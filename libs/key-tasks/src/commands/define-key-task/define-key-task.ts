import { streamUseCase } from '@platform/common';
import { keyTaskDecider, keyTaskStreamId } from '@platform/domain';
import type { DefineKeyTaskRequest } from './define-key-task.http';

export const defineKeyTask = streamUseCase(keyTaskDecider)({
  name: 'DefineKeyTask',
  streamId: (i: DefineKeyTaskRequest) => keyTaskStreamId(i.taskId),
  toCommand: (i, _, context) => ({
    type: 'DefineKeyTask',
    ...context,
    taskId: i.taskId,
    title: i.title,
    description: i.description ?? '',
    measuresOfDone: i.measuresOfDone,
    deadline: i.deadline,
    target: i.target ? { quantity: i.target.quantity, unit: i.target.unit } : null,
  }),
});
