import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemPartParams } from '../../http/problem-params';
import { UNIT_SIDE, problemUnits } from '../../http/problem-access';
import { ClosePartCommand } from './close-part.command';
import { ClosePartRequest } from './close-part.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class ClosePartHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '完成联动整改任务 (close a joint-handling part)', description: '完成联动整改任务（附佐证）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/parts/:partId/close')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemPartParams,
    @Body() body: ClosePartRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ClosePartCommand(meta, p.problemId, p.partId, body)));
  }
}
