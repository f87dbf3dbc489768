import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, IsText, respond, REVIEWERS } from '@platform/common';
import type { Response } from 'express';
import { KeyTaskCommandController } from '../../key-task-commands';
import { StockTakeUnitParams } from '../../http/key-task-params';
import { returnTaskReport } from './return-task-report';

export class ReturnTaskReportRequest {
  /** 退回原因 */
  @IsText(2000)
  reason!: string;
}

@CommandRoutes('key tasks 重点任务', 'api/key-tasks/:taskId/stock-takes/:stockTakeId/units/:unitId')
export class ReturnTaskReportHttpController extends KeyTaskCommandController {
  @ApiOperation({ summary: '退回任务报送 (return a unit\'s report)', description: '退回：报送不成立（如佐证不全），该单位视为未报送，须重新报送' })
  @Access({ roles: REVIEWERS, mode: 'write', units: fromParams('unitId') })
  @Post('return')
  handle(@Command() meta: CommandMeta, @Param() p: StockTakeUnitParams, @Body() body: ReturnTaskReportRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(returnTaskReport, { ...p, ...body }, meta));
  }
}
