import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import type { Response } from 'express';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemPartParams } from '../../http/problem-params';
import { IsCalendarDate, IsText } from '../../http/request-rules';
import { RectificationCommandController } from '../../rectification-facts';
import { changePartDeadline } from './change-part-deadline';

export class ChangePartDeadlineRequest {
  @IsCalendarDate()
  deadline!: string;

  @IsText(2000)
  reason!: string;
}

@CommandRoutes('rectification 整改台账', 'api/problems')
export class ChangePartDeadlineHttpController extends RectificationCommandController {
  @ApiOperation({ summary: '调整联动整改任务的时限 (change a joint part\'s deadline)', description: '调整联动整改任务的时限（须说明理由）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/parts/:partId/deadline')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemPartParams, @Body() body: ChangePartDeadlineRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(changePartDeadline, { problemId: p.problemId, partId: p.partId, ...body }, meta));
  }
}
