import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, IsText, respond, REVIEWERS } from '@platform/common';
import type { Response } from 'express';
import { KeyTaskCommandController } from '../../key-task-commands';
import { StockTakeUnitParams } from '../../http/key-task-params';
import { commentTaskReport } from './comment-task-report';

export class CommentTaskReportRequest {
  /** 点评意见 */
  @IsText(2000)
  comment!: string;
}

@CommandRoutes('key tasks 重点任务', 'api/key-tasks/:taskId/stock-takes/:stockTakeId/units/:unitId')
export class CommentTaskReportHttpController extends KeyTaskCommandController {
  @ApiOperation({ summary: '点评任务报送 (comment on a unit\'s report)', description: '督导组或活动办公室点评单位的报送；督导组只能点评其负责范围内的单位' })
  @Access({ roles: REVIEWERS, mode: 'write', units: fromParams('unitId') })
  @Post('comments')
  handle(@Command() meta: CommandMeta, @Param() p: StockTakeUnitParams, @Body() body: CommentTaskReportRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(commentTaskReport, { ...p, ...body }, meta));
  }
}
