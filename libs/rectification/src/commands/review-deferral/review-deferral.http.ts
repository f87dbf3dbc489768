import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import type { Response } from 'express';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsCalendarDate, IsText } from '../../http/request-rules';
import { RectificationCommandController } from '../../rectification-facts';
import { reviewDeferral } from './review-deferral';

export class ReviewDeferralRequest {
  /** 复查情况: is the obstacle still there? */
  @IsText(5000)
  finding!: string;

  @IsCalendarDate()
  reReviewDate!: string;
}

@CommandRoutes('rectification 整改台账', 'api/problems')
export class ReviewDeferralHttpController extends RectificationCommandController {
  /** 复查暂缓解决的问题，确定下次复查日期 */
  @ApiOperation({ summary: '复查暂缓解决的问题，确定下次复查日期 (review a deferral)' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/deferral-review')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemParams, @Body() body: ReviewDeferralRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(reviewDeferral, { problemId: p.problemId, ...body }, meta));
  }
}
