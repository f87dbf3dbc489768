import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { ProblemParams } from '../../http/problem-params';
import { UNIT_SIDE, problemUnits } from '../../http/problem-access';
import { ReviewDeferralCommand } from './review-deferral.command';
import { ReviewDeferralRequest } from './review-deferral.request.dto';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class ReviewDeferralHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 复查暂缓解决的问题，确定下次复查日期 */
  @ApiOperation({ summary: '复查暂缓解决的问题，确定下次复查日期 (review a deferral)' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/deferral-review')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: ProblemParams,
    @Body() body: ReviewDeferralRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ReviewDeferralCommand(meta, p.problemId, body)));
  }
}
