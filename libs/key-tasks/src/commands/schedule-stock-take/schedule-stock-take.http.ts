import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, CommandRoutes, fromLookup, IsCalendarDate, IsId, MANAGERS, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { KeyTaskCommandController } from '../../key-task-commands';
import { KeyTaskUnits } from '../../key-task-units';
import { KeyTaskParams } from '../../http/key-task-params';
import { scheduleStockTake } from './schedule-stock-take';

export class ScheduleStockTakeRequest {
  @IsId()
  stockTakeId!: string;

  /** 调度名称，如“6月调度”“年底冲刺专项调度” */
  @IsString()
  @Length(1, 100)
  @NoControlCharacters()
  label!: string;

  /** 报送截止日期（YYYY-MM-DD），须晚于上次调度 */
  @IsCalendarDate()
  dueOn!: string;
}

@CommandRoutes('key tasks 重点任务', 'api/key-tasks/:taskId')
export class ScheduleStockTakeHttpController extends KeyTaskCommandController {
  @ApiOperation({ summary: '安排任务调度 (schedule a stock-take)', description: '安排一次调度（按月或随时）：各承担单位在报送截止日期前报送进展' })
  @ApiRequestExample(ScheduleStockTakeRequest, '6月调度 (June)', { stockTakeId: 'st-2026-06', label: '6月调度', dueOn: '2026-06-30' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromLookup(KeyTaskUnits, 'taskId'), match: 'any' })
  @Post('stock-takes')
  handle(@Command() meta: CommandMeta, @Param() p: KeyTaskParams, @Body() body: ScheduleStockTakeRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(scheduleStockTake, { taskId: p.taskId, ...body }, meta));
  }
}
