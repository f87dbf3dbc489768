import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemPartParams } from '../../http/problem-params';
import { UNIT_SIDE, problemUnits } from '../../http/problem-access';
import { ChangePartDeadlineCommand } from './change-part-deadline.command';
import { ChangePartDeadlineRequest } from './change-part-deadline.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class ChangePartDeadlineHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '调整联动整改任务的时限 (change a joint part\'s deadline)', description: '调整联动整改任务的时限（须说明理由）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/parts/:partId/deadline')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemPartParams,
    @Body() body: ChangePartDeadlineRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ChangePartDeadlineCommand(meta, p.problemId, p.partId, body)));
  }
}
