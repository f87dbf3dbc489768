import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsId, IsLine, IsOptionalText, MANAGERS, NoControlCharacters } from '@platform/common';
import { keyTasksEdge } from '../../key-task-commands';
import { defineKeyTask } from './define-key-task';

export class TaskTargetRequest {
  /** 量化目标，如 10（个支部达标） */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;

  /** 目标的计量单位，如“个支部” */
  @IsLine(20)
  unit!: string;
}

export class DefineKeyTaskRequest {
  @IsId()
  taskId!: string;

  /** 任务名称 */
  @IsLine(200)
  title!: string;

  /** 任务说明 */
  @IsOptionalText(5000)
  description?: string;

  /** 完成标准（至少一项） */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  @NoControlCharacters({ each: true })
  measuresOfDone!: string[];

  /** 完成时限（YYYY-MM-DD） */
  @IsCalendarDate()
  deadline!: string;

  /** 可选的量化目标 */
  @IsOptional()
  @ValidateNested()
  @Type(() => TaskTargetRequest)
  target?: TaskTargetRequest;
}

export const DefineKeyTaskHttpController = keyTasksEdge(defineKeyTask, 'api/key-tasks', {
  operation: { summary: '部署重点任务 (define a key task)', description: '部署重点任务：任务名称、说明、完成标准、完成时限和可选的量化目标（如“10 个支部达标”）' },
  example: { summary: '村党组织标准化规范化建设 (standardizing branches)', value: {
    taskId: 'kt-2026-branch-std',
    title: '村党组织标准化规范化建设',
    description: '年底前全市村党组织全部达到标准化规范化要求',
    measuresOfDone: ['组织设置规范', '阵地建设达标', '制度落实到位'],
    deadline: '2026-12-31',
    target: { quantity: 10, unit: '个支部' },
  } },
  access: { roles: MANAGERS, mode: 'write', units: null },
  body: DefineKeyTaskRequest, input: (_p, body) => (body),
});
