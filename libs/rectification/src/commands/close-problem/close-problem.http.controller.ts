import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { VERIFIERS, responsibleUnit } from '../../http/problem-access';
import { CloseProblemCommand } from './close-problem.command';
import { CloseProblemRequest } from './close-problem.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class CloseProblemHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '销号 (close a problem)', description: '销号（可记录防止反弹的长效机制）' })
  @Access({ roles: VERIFIERS, mode: 'write', units: responsibleUnit })
  @Post(':problemId/close')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: CloseProblemRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new CloseProblemCommand(meta, p.problemId, body)));
  }
}
