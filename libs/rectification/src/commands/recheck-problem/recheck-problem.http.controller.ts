import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import { Role } from '@platform/domain';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { problemUnits } from '../../http/problem-access';
import { RecheckProblemCommand } from './recheck-problem.command';
import { RecheckProblemRequest } from './recheck-problem.request.dto';

/** Inspectors and the office re-check; a unit may only admit its own rebound (the decider says so). */
const RECHECKERS: readonly Role[] = ['office', 'inspector', 'operator'];

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class RecheckProblemHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '“回头看”复查已销号问题 (re-check a closed problem in look-back)', description: '“回头看”复查已销号问题：巩固或反弹（反弹则重新整改，历史保留）' })
  @Access({ roles: RECHECKERS, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/recheck')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: RecheckProblemRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new RecheckProblemCommand(meta, p.problemId, body)));
  }
}
