import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { UNIT_SIDE, problemUnits } from '../../http/problem-access';
import { DeferProblemCommand } from './defer-problem.command';
import { DeferProblemRequest } from './defer-problem.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class DeferProblemHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '暂缓解决 (defer a problem)', description: '暂缓解决：说明客观条件、向群众说明情况、复查日期与逐步解决措施' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/defer')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: DeferProblemRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new DeferProblemCommand(meta, p.problemId, body)));
  }
}
