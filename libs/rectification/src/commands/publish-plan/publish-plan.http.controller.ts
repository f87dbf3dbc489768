import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { UNIT_SIDE, problemUnits } from '../../http/problem-access';
import { PublishPlanCommand } from './publish-plan.command';
import { PublishPlanRequest } from './publish-plan.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class PublishPlanHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '公示整改方案 (publish the rectification plan)', description: '公示整改方案（此后群众无需登录即可查看）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/publish')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: PublishPlanRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new PublishPlanCommand(meta, p.problemId, body)));
  }
}
