import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { UNIT_SIDE, problemUnits } from '../../http/problem-access';
import { EscalateToJointCommand } from './escalate-to-joint.command';
import { EscalateToJointRequest } from './escalate-to-joint.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class EscalateToJointHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '转为联动整改 (escalate to joint handling)', description: '转为联动整改：上级牵头单位协调，各参与单位分担任务' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/escalate')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: EscalateToJointRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new EscalateToJointCommand(meta, p.problemId, body)));
  }
}
