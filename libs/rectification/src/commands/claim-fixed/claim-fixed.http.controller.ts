import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { UNIT_SIDE, problemUnits } from '../../http/problem-access';
import { ClaimFixedCommand } from './claim-fixed.command';
import { ClaimFixedRequest } from './claim-fixed.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class ClaimFixedHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '申请验收 (claim a problem fixed)', description: '申请验收（附整改成效佐证）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/claim-fixed')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: ClaimFixedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ClaimFixedCommand(meta, p.problemId, body)));
  }
}
