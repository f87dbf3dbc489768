import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { UNIT_SIDE, problemUnits } from '../../http/problem-access';
import { PlanRectificationCommand } from './plan-rectification.command';
import { PlanRectificationRequest } from './plan-rectification.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class PlanRectificationHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 制定整改措施、时限类别与整改时限 */
  @ApiOperation({ summary: '制定整改措施、时限类别与整改时限 (plan the rectification)' })
  @ApiRequestExample(PlanRectificationRequest, '限期整改 (by a deadline)', { measures: ['建立首问负责制', '每月公开办事时限'], timing: 'by_deadline', deadline: '2026-06-30' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/plan')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: PlanRectificationRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new PlanRectificationCommand(meta, p.problemId, body)));
  }
}
