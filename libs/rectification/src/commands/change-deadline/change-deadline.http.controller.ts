import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { UNIT_SIDE, problemUnits } from '../../http/problem-access';
import { ChangeDeadlineCommand } from './change-deadline.command';
import { ChangeDeadlineRequest } from './change-deadline.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class ChangeDeadlineHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '调整整改时限 (change the rectification deadline)', description: '调整整改时限（须说明理由，原时限保留在历史中）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/deadline')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: ChangeDeadlineRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ChangeDeadlineCommand(meta, p.problemId, body)));
  }
}
