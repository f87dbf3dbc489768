import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import type { Response } from 'express';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemPartParams } from '../../http/problem-params';
import { IsText } from '../../http/request-rules';
import { RectificationCommandController } from '../../rectification-facts';
import { closePart } from './close-part';

export class ClosePartRequest {
  /** 完成任务的佐证 */
  @IsText(5000)
  evidence!: string;
}

@CommandRoutes('rectification 整改台账', 'api/problems')
export class ClosePartHttpController extends RectificationCommandController {
  @ApiOperation({ summary: '完成联动整改任务 (close a joint-handling part)', description: '完成联动整改任务（附佐证）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/parts/:partId/close')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemPartParams, @Body() body: ClosePartRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(closePart, { problemId: p.problemId, partId: p.partId, ...body }, meta));
  }
}
