import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsId, IsLine, IsListOf, MANAGERS } from '@platform/common';
import { keyTasksEdge } from '../../key-task-commands';
import { fromParts } from '../../key-task-units';
import { KeyTaskParams } from '../../http/key-task-params';
import { assignTaskParts } from './assign-task-parts';

export class TaskPartRequest {
  @IsId()
  unitId!: string;

  /** 责任人姓名 */
  @IsLine(50)
  responsible!: string;

  /** 该单位承担的目标值（任务有量化目标时必填） */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  target?: number;
}

export class AssignTaskPartsRequest {
  @IsListOf(() => TaskPartRequest, { min: 1, max: 5000 })
  parts!: TaskPartRequest[];
}

export const AssignTaskPartsHttpController = keyTasksEdge(assignTaskParts, 'api/key-tasks/:taskId/parts', {
  operation: { summary: '分解重点任务 (decompose a key task to units)', description: '一统分解：每个单位承担自己的部分，明确责任人；有量化目标的任务为每个单位分配目标值，合计不超过任务目标' },
  example: { summary: '分解到两个乡镇 (two townships)', value: {
    parts: [
      { unitId: '430721', responsible: '张建国', target: 6 },
      { unitId: '430722', responsible: '李卫东', target: 4 },
    ],
  } },
  access: { roles: MANAGERS, mode: 'write', units: fromParts },
  params: KeyTaskParams, body: AssignTaskPartsRequest, input: (p, body) => ({ taskId: p.taskId, ...body }),
});
