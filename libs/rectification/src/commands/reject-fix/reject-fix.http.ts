import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import type { Response } from 'express';
import { responsibleUnit, VERIFIERS } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsText } from '../../http/request-rules';
import { RectificationCommandController } from '../../rectification-facts';
import { rejectFix } from './reject-fix';

export class RejectFixRequest {
  /** Why the fix does not hold: the unit works on from here */
  @IsText(2000)
  reason!: string;
}

@CommandRoutes('rectification 整改台账', 'api/problems')
export class RejectFixHttpController extends RectificationCommandController {
  @ApiOperation({ summary: '验收不通过，退回整改 (reject a fix)', description: '验收不通过，退回整改（须说明理由）' })
  @Access({ roles: VERIFIERS, mode: 'write', units: responsibleUnit })
  @Post(':problemId/reject-fix')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemParams, @Body() body: RejectFixRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(rejectFix, { problemId: p.problemId, ...body }, meta));
  }
}
