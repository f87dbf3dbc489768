import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import type { Response } from 'express';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { RectificationCommandController } from '../../rectification-facts';
import { publishPlan } from './publish-plan';

/** Publishing takes no input: the plan published is the one recorded. Unknown fields are refused. */
export class PublishPlanRequest {}

@CommandRoutes('rectification 整改台账', 'api/problems')
export class PublishPlanHttpController extends RectificationCommandController {
  @ApiOperation({ summary: '公示整改方案 (publish the rectification plan)', description: '公示整改方案（此后群众无需登录即可查看）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/publish')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemParams, @Body() body: PublishPlanRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(publishPlan, { problemId: p.problemId, ...body }, meta));
  }
}
