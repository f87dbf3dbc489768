import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { responsibleUnit, VERIFIERS } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsText } from '../../http/request-rules';
import { RectificationCommands } from '../../rectification-facts';
import { rejectFix } from './reject-fix';

export class RejectFixRequest {
  /** Why the fix does not hold: the unit works on from here */
  @IsText(2000)
  reason!: string;
}

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class RejectFixHttpController {
  constructor(private readonly commands: RectificationCommands) {}

  @ApiOperation({ summary: '验收不通过，退回整改 (reject a fix)', description: '验收不通过，退回整改（须说明理由）' })
  @Access({ roles: VERIFIERS, mode: 'write', units: responsibleUnit })
  @Post(':problemId/reject-fix')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemParams, @Body() body: RejectFixRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(rejectFix, { problemId: p.problemId, ...body }, meta));
  }
}
