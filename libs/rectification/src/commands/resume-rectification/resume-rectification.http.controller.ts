import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { UNIT_SIDE, problemUnits } from '../../http/problem-access';
import { ResumeRectificationCommand } from './resume-rectification.command';
import { ResumeRectificationRequest } from './resume-rectification.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class ResumeRectificationHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '恢复整改 (resume rectification)', description: '恢复整改（可同时确定新的整改时限）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/resume')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: ResumeRectificationRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ResumeRectificationCommand(meta, p.problemId, body)));
  }
}
