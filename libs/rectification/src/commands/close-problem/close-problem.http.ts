import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { responsibleUnit, VERIFIERS } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { RectificationCommandController } from '../../rectification-facts';
import { closeProblem } from './close-problem';

export class CloseProblemRequest {
  /** 防止反弹的长效机制, when the unit built one */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @NoControlCharacters({ multiline: true })
  mechanisms?: string | null;
}

@CommandRoutes('rectification 整改台账', 'api/problems')
export class CloseProblemHttpController extends RectificationCommandController {
  @ApiOperation({ summary: '销号 (close a problem)', description: '销号（可记录防止反弹的长效机制）' })
  @Access({ roles: VERIFIERS, mode: 'write', units: responsibleUnit })
  @Post(':problemId/close')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemParams, @Body() body: CloseProblemRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(closeProblem, { problemId: p.problemId, ...body }, meta));
  }
}
