import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { VERIFIERS, responsibleUnit } from '../../http/problem-access';
import { RejectFixCommand } from './reject-fix.command';
import { RejectFixRequest } from './reject-fix.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class RejectFixHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '验收不通过，退回整改 (reject a fix)', description: '验收不通过，退回整改（须说明理由）' })
  @Access({ roles: VERIFIERS, mode: 'write', units: responsibleUnit })
  @Post(':problemId/reject-fix')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: RejectFixRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new RejectFixCommand(meta, p.problemId, body)));
  }
}
