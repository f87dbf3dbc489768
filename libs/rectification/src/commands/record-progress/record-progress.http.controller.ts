import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { UNIT_SIDE, problemUnits } from '../../http/problem-access';
import { RecordProgressCommand } from './record-progress.command';
import { RecordProgressRequest } from './record-progress.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class RecordProgressHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '记录整改进展 (record rectification progress)', description: '记录整改进展（督查推进）' })
  @ApiRequestExample(RecordProgressRequest, '整改进展 (progress)', { note: '首问负责制已建立并在服务窗口公示', attachmentRefs: ['uploads/2026/03/notice-0012.pdf'] })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/progress')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: RecordProgressRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new RecordProgressCommand(meta, p.problemId, body)));
  }
}
