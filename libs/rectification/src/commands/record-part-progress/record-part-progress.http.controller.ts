import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemPartParams } from '../../http/problem-params';
import { UNIT_SIDE, problemUnits } from '../../http/problem-access';
import { RecordPartProgressCommand } from './record-part-progress.command';
import { RecordPartProgressRequest } from './record-part-progress.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class RecordPartProgressHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 记录联动整改任务的进展 */
  @ApiOperation({ summary: '记录联动整改任务的进展 (record a joint part\'s progress)' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/parts/:partId/progress')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemPartParams,
    @Body() body: RecordPartProgressRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new RecordPartProgressCommand(meta, p.problemId, p.partId, body)));
  }
}
