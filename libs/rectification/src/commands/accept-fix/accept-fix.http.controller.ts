import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { VERIFIERS, responsibleUnit } from '../../http/problem-access';
import { AcceptFixCommand } from './accept-fix.command';
import { AcceptFixRequest } from './accept-fix.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class AcceptFixHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '验收通过 (accept a fix)', description: '验收通过（不能验收本单位或自己提交的整改）' })
  @Access({ roles: VERIFIERS, mode: 'write', units: responsibleUnit })
  @Post(':problemId/accept-fix')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: AcceptFixRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new AcceptFixCommand(meta, p.problemId, body)));
  }
}
