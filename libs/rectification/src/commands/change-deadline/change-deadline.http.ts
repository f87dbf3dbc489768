import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import type { Response } from 'express';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsCalendarDate, IsText } from '../../http/request-rules';
import { RectificationCommandController } from '../../rectification-facts';
import { changeDeadline } from './change-deadline';

export class ChangeDeadlineRequest {
  @IsCalendarDate()
  deadline!: string;

  /** Why: never a silent extension */
  @IsText(2000)
  reason!: string;
}

@CommandRoutes('rectification 整改台账', 'api/problems')
export class ChangeDeadlineHttpController extends RectificationCommandController {
  @ApiOperation({ summary: '调整整改时限 (change the rectification deadline)', description: '调整整改时限（须说明理由，原时限保留在历史中）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/deadline')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemParams, @Body() body: ChangeDeadlineRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(changeDeadline, { problemId: p.problemId, ...body }, meta));
  }
}
