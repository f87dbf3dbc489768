import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import type { Response } from 'express';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsCalendarDate, IsText } from '../../http/request-rules';
import { RectificationCommandController } from '../../rectification-facts';
import { resumeRectification } from './resume-rectification';

export class ResumeRectificationRequest {
  /** What changed so the work can go on */
  @IsText(5000)
  note!: string;

  /** A new 整改时限, recorded in the deadline history like any change */
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;
}

@CommandRoutes('rectification 整改台账', 'api/problems')
export class ResumeRectificationHttpController extends RectificationCommandController {
  @ApiOperation({ summary: '恢复整改 (resume rectification)', description: '恢复整改（可同时确定新的整改时限）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/resume')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemParams, @Body() body: ResumeRectificationRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(resumeRectification, { problemId: p.problemId, ...body }, meta));
  }
}
