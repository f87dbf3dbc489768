import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { responsibleUnit, VERIFIERS } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { RectificationCommandController } from '../../rectification-facts';
import { acceptFix } from './accept-fix';

export class AcceptFixRequest {
  /** 验收意见 */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @NoControlCharacters({ multiline: true })
  comment?: string;
}

@CommandRoutes('rectification 整改台账', 'api/problems')
export class AcceptFixHttpController extends RectificationCommandController {
  @ApiOperation({ summary: '验收通过 (accept a fix)', description: '验收通过（不能验收本单位或自己提交的整改）' })
  @Access({ roles: VERIFIERS, mode: 'write', units: responsibleUnit })
  @Post(':problemId/accept-fix')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemParams, @Body() body: AcceptFixRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(acceptFix, { problemId: p.problemId, ...body }, meta));
  }
}
